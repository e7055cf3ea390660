/** The one date format shown everywhere. */
export const dateFormat = 'YYYY-MM-DD';
