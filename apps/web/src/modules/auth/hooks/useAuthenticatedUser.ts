import type { CurrentUser } from '@zhibu/shared/api';
import { useContext } from 'react';
import { CurrentUserContext } from '../CurrentUserContext.ts';

/** The signed-in user inside the guarded part of the app. */
export function useAuthenticatedUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useAuthenticatedUser must be used below the auth guard');
  return user;
}
