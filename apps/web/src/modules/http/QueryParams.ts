/** Query-string parameters; empty, null and undefined values are left out of the URL. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;
