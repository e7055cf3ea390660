import type { CurrentUser } from '@zhibu/shared/api';
import { createContext } from 'react';

/** Set by the auth guard; below it the user is always present. */
export const CurrentUserContext = createContext<CurrentUser | null>(null);
