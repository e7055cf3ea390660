import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { AntdProvider } from './AntdProvider.tsx';
import { queryClient } from './queryClient.ts';
import { router } from './router.tsx';

/** The application: language, antd, data cache, routes. */
export function App() {
  return (
    <I18nProvider>
      <AntdProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntdProvider>
    </I18nProvider>
  );
}
