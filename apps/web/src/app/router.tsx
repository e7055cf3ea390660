import { createBrowserRouter, Navigate } from 'react-router';
import { PageSpinner } from '../components/PageSpinner.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';

/**
 * Routes. Pages are split into their own chunks and loaded on first visit. Every path is a
 * client-side route: the server must answer unknown non-API GETs with index.html.
 */
export const router = createBrowserRouter([
  {
    HydrateFallback: PageSpinner,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        path: '/login',
        lazy: async () => ({ Component: (await import('../pages/auth/LoginPage.tsx')).LoginPage }),
      },
      {
        Component: RequireAuth,
        children: [
          {
            Component: AppLayout,
            children: [
              { index: true, element: <Navigate to="/orgs" replace /> },
              {
                path: 'orgs/:orgId?',
                lazy: async () => ({ Component: (await import('../pages/orgs/OrgsPage.tsx')).OrgsPage }),
              },
              {
                path: 'members',
                lazy: async () => ({
                  Component: (await import('../pages/members/MembersPage.tsx')).MembersPage,
                }),
              },
              {
                path: 'members/:memberId',
                lazy: async () => ({
                  Component: (await import('../pages/members/MemberPage.tsx')).MemberPage,
                }),
              },
              {
                path: 'development',
                lazy: async () => ({
                  Component: (await import('../pages/development/DevelopmentPage.tsx')).DevelopmentPage,
                }),
              },
              {
                path: 'development/people/:personId',
                lazy: async () => ({
                  Component: (await import('../pages/development/DevelopmentPersonPage.tsx'))
                    .DevelopmentPersonPage,
                }),
              },
              {
                path: 'transfers',
                lazy: async () => ({
                  Component: (await import('../pages/transfers/TransfersPage.tsx')).TransfersPage,
                }),
              },
              {
                path: 'flowing',
                lazy: async () => ({
                  Component: (await import('../pages/flowing/FlowingPage.tsx')).FlowingPage,
                }),
              },
              {
                path: 'dues',
                lazy: async () => ({ Component: (await import('../pages/dues/DuesPage.tsx')).DuesPage }),
              },
              {
                path: 'warnings/:orgId?',
                lazy: async () => ({
                  Component: (await import('../pages/warnings/WarningsPage.tsx')).WarningsPage,
                }),
              },
              {
                path: 'stats/:orgId?',
                lazy: async () => ({ Component: (await import('../pages/stats/StatsPage.tsx')).StatsPage }),
              },
              {
                path: 'rules',
                lazy: async () => ({ Component: (await import('../pages/rules/RulesPage.tsx')).RulesPage }),
              },
              {
                path: 'imports',
                lazy: async () => ({
                  Component: (await import('../pages/imports/ImportsPage.tsx')).ImportsPage,
                }),
              },
              {
                path: 'users',
                lazy: async () => ({ Component: (await import('../pages/users/UsersPage.tsx')).UsersPage }),
              },
              {
                path: 'audit',
                lazy: async () => ({ Component: (await import('../pages/audit/AuditPage.tsx')).AuditPage }),
              },
              {
                path: '*',
                lazy: async () => ({
                  Component: (await import('../pages/errors/NotFoundPage.tsx')).NotFoundPage,
                }),
              },
            ],
          },
        ],
      },
    ],
  },
]);
