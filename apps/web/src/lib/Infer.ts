/**
 * The parsed type of a shared zod schema, for the few schemas @zhibu/shared does not export a type
 * for yet (same as z.infer, without the web app importing zod itself).
 */
export type Infer<Schema extends { _zod: { output: unknown } }> = Schema['_zod']['output'];
