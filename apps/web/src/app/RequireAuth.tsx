import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageSpinner } from '../components/PageSpinner.tsx';
import { CurrentUserContext } from '../modules/auth/CurrentUserContext.ts';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser.ts';

// On demand, like the change-password modal: it brings the shared zod schemas.
const ForcedPasswordChangePage = lazy(async () => ({
  default: (await import('../pages/auth/ForcedPasswordChangePage.tsx')).ForcedPasswordChangePage,
}));

/** Renders its routes only for a signed-in user; anyone else goes to the login page and comes back after. */
export function RequireAuth() {
  const location = useLocation();
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <PageSpinner />;
  // No user, or the session could not be checked (server unreachable): the login page explains which.
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // The server answers nothing but me/logout/change-password until an initial password is changed.
  if (user.mustChangePassword)
    return (
      <Suspense fallback={<PageSpinner />}>
        <ForcedPasswordChangePage displayName={user.displayName} />
      </Suspense>
    );
  return (
    <CurrentUserContext value={user}>
      <Outlet />
    </CurrentUserContext>
  );
}
