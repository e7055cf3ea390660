/** Outcome of parsing user input: a value, or a stable error code with a Chinese message for the UI. */
export type Result<T, C extends string> = Ok<T> | Err<C>;

export type Ok<T> = { readonly ok: true; readonly value: T };

export type Err<C extends string> = { readonly ok: false; readonly code: C; readonly message: string };
