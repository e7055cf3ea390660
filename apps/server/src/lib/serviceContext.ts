import type { Actor } from '../access/actor.ts';
import type { Executor } from '../db/createDatabase.ts';
import type { PersonalDataCipher } from './personalDataCipher.ts';

/** What every service function receives: where to run SQL, who is acting, and the PII cipher. */
export interface ServiceContext {
  db: Executor;
  actor: Actor;
  cipher: PersonalDataCipher;
}

/** Runs `work` in one transaction (a savepoint when already inside one). */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (tx: ServiceContext) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx }));
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
