import { Navigate, Outlet, useLocation } from 'react-router';
import { PageSpinner } from '../components/PageSpinner.tsx';
import { CurrentUserContext } from '../modules/auth/CurrentUserContext.ts';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser.ts';

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
  return (
    <CurrentUserContext value={user}>
      <Outlet />
    </CurrentUserContext>
  );
}
