/** Cache key of the signed-in user; `null` data means "not signed in". */
export const currentUserQueryKey = ['auth', 'me'] as const;
