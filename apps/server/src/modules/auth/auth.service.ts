import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { RoleCode } from '@zhibu/shared/api';
import { and, eq, gt, isNull, like, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Actor, ActorAssignment } from '../../access/actor.ts';
import type { Config } from '../../config/loadConfig.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { loginThrottles, orgs, roleAssignments, sessions, users } from '../../db/schema.ts';
import { AppError } from '../../lib/appError.ts';
import { encodeId } from '../../lib/publicId.ts';
import { rowsOf } from '../../lib/serviceContext.ts';
import { recordAudit } from '../audit/audit.service.ts';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane (~60 ms here).
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return verify(stored, password).catch(() => false);
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

// A hash computed for unknown usernames so that timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

/**
 * Failures allowed from one address (across usernames) before each further attempt waits. Higher
 * than one account's (`lockoutThreshold`): a whole office behind one NAT address mistypes now and then.
 */
export const ADDRESS_FREE_FAILURES = 10;
/**
 * Failures of one account from all addresses together before it waits everywhere: high, so that
 * nobody can lock a colleague (or the administrator) out with a few wrong passwords, yet a guess
 * spread over many addresses is still slowed.
 */
export const ACCOUNT_FREE_FAILURES = 30;
/** The first wait; each further failure doubles it, up to `lockoutMinutes`. */
export const FIRST_WAIT_SECONDS = 30;
/** Failures are forgotten after an hour without one. */
const FAILURE_MEMORY = sql`interval '1 hour'`;

/** Seconds to wait after `failures` failures: none below `free`, then 30, 60, 120 … up to `capSeconds`. */
export function throttleDelaySeconds(failures: number, free: number, capSeconds: number): number {
  if (failures < free) return 0;
  return Math.min(capSeconds, FIRST_WAIT_SECONDS * 2 ** Math.min(failures - free, 20));
}

/** The same delay in SQL, so the count and the wait are written in one atomic statement. */
function delayUntilSql(failures: SQL, free: number, capSeconds: number): SQL {
  return sql`case when ${failures} >= ${free}::int
    then now() + least(${capSeconds}::int, ${FIRST_WAIT_SECONDS}::int * power(2, least(${failures} - ${free}::int, 20))) * interval '1 second'
    else null end`;
}

/** A sign-in refused for a while; carries how long to wait (sent as Retry-After). */
export class LoginThrottledError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('LOGIN_THROTTLED', `登录失败次数过多，请 ${retryAfterSeconds} 秒后再试；如忘记密码请联系管理员`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function secondsUntil(date: Date | null | undefined): number {
  if (!date) return 1;
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 1000));
}

type Claim = { failures: number } | { waitSeconds: number };

/**
 * Counts a sign-in attempt under `key` before the password is checked, in one statement, so
 * parallel attempts cannot slip past the count. Refused (with the wait) while the key must wait.
 * A successful sign-in takes the count back (`forgiveAttempt`).
 */
async function claimAttempt(db: Executor, key: string, free: number, cap: number): Promise<Claim> {
  const failures = sql`(case when login_throttles.last_failure_at < now() - ${FAILURE_MEMORY} then 1
    else login_throttles.failures + 1 end)`;
  const claimed = rowsOf<{ failures: number }>(
    await db.execute(sql`
    insert into ${loginThrottles} (key, failures, blocked_until, last_failure_at)
    values (${key}, 1, ${delayUntilSql(sql`1`, free, cap)}, now())
    on conflict (key) do update set
      failures = ${failures},
      blocked_until = ${delayUntilSql(failures, free, cap)},
      last_failure_at = now()
    where login_throttles.blocked_until is null or login_throttles.blocked_until <= now()
    returning failures`),
  );
  if (claimed[0]) return { failures: Number(claimed[0].failures) };
  const [row] = await db
    .select({ blockedUntil: loginThrottles.blockedUntil })
    .from(loginThrottles)
    .where(eq(loginThrottles.key, key));
  return { waitSeconds: secondsUntil(row?.blockedUntil) };
}

async function forgiveAttempt(db: Executor, key: string): Promise<void> {
  await db
    .update(loginThrottles)
    .set({ failures: sql`greatest(${loginThrottles.failures} - 1, 0)` })
    .where(eq(loginThrottles.key, key));
}

/** The account's count from all addresses, in the users row (shown as 已锁定, cleared by unlock). */
async function claimAccountAttempt(db: Executor, userId: number, cap: number): Promise<Claim> {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: delayUntilSql(sql`${users.failedLogins} + 1`, ACCOUNT_FREE_FAILURES, cap),
    })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, sql`now()`))))
    .returning({ failedLogins: users.failedLogins });
  if (row) return { failures: row.failedLogins };
  const [user] = await db.select({ at: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return { waitSeconds: secondsUntil(user?.at) };
}

/** Clears every sign-in wait of an account (administrator unlock, password reset). */
export async function clearAccountThrottles(db: Executor, userId: number): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
  await db.delete(loginThrottles).where(like(loginThrottles.key, `account:${userId}@%`));
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: number;
}

/**
 * Checks a password and opens a session. Failures are counted atomically per address (across
 * usernames), per account and address, and per account from everywhere; past a few, each further
 * attempt under that key waits longer (30 s, 1 min, 2 min … up to `lockoutMinutes`) instead of a
 * hard lock: a stranger's wrong passwords slow the stranger, not the owner at their own address.
 * Every attempt is audited; the administrator clears waits with unlock (web or `zhibu user unlock`).
 */
export async function login(
  db: Executor,
  config: Config,
  input: { username: string; password: string; ip?: string; userAgent?: string },
): Promise<LoginResult> {
  const anonymous: Actor = {
    userId: null,
    username: input.username,
    assignments: [],
    ip: input.ip,
    userAgent: input.userAgent,
  };
  const ip = input.ip ?? 'unknown';
  const cap = config.lockoutMinutes * 60;
  const addressKey = `address:${ip}`;
  const address = await claimAttempt(db, addressKey, ADDRESS_FREE_FAILURES, cap);
  if ('waitSeconds' in address) {
    await recordAudit(db, anonymous, {
      action: 'auth.login_throttled',
      summary: `来自该地址的登录失败次数过多，须等待 ${address.waitSeconds} 秒`,
    });
    throw new LoginThrottledError(address.waitSeconds);
  }
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, input.password);
    await recordAudit(db, anonymous, { action: 'auth.login_failed', summary: '用户名不存在' });
    await auditThrottleStart(db, anonymous, address.failures, ADDRESS_FREE_FAILURES, cap, '来自该地址');
    throw new AppError('INVALID_CREDENTIALS');
  }
  const actor: Actor = { ...anonymous, userId: user.id };
  const pairKey = `account:${user.id}@${ip}`;
  const pair = await claimAttempt(db, pairKey, config.lockoutThreshold, cap);
  const account = 'waitSeconds' in pair ? pair : await claimAccountAttempt(db, user.id, cap);
  if ('waitSeconds' in account) {
    // Refused without trying the password: not a failure of the address (or of the pair).
    await forgiveAttempt(db, addressKey);
    if (!('waitSeconds' in pair)) await forgiveAttempt(db, pairKey);
    await recordAudit(db, actor, {
      action: 'auth.login_throttled',
      entityType: 'user',
      entityId: user.id,
      summary: `该账号登录失败次数过多，须等待 ${account.waitSeconds} 秒`,
    });
    throw new LoginThrottledError(account.waitSeconds);
  }
  if ('waitSeconds' in pair) throw new AppError('INTERNAL');
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordAudit(db, actor, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user.id,
      summary: '密码错误',
    });
    await auditThrottleStart(db, actor, pair.failures, config.lockoutThreshold, cap, '该账号从该地址');
    await auditThrottleStart(db, actor, account.failures, ACCOUNT_FREE_FAILURES, cap, '该账号');
    await auditThrottleStart(db, actor, address.failures, ADDRESS_FREE_FAILURES, cap, '来自该地址');
    throw new AppError('INVALID_CREDENTIALS');
  }
  await forgiveAttempt(db, addressKey);
  await db.delete(loginThrottles).where(eq(loginThrottles.key, pairKey));
  if (user.isDisabled) {
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await recordAudit(db, actor, { action: 'auth.login_disabled', entityType: 'user', entityId: user.id });
    throw new AppError('ACCOUNT_DISABLED');
  }
  const now = new Date();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000);
  await db.insert(sessions).values({
    tokenHash: tokenHash(token),
    userId: user.id,
    expiresAt,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, user.id));
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
  await recordAudit(
    db,
    { ...actor, username: user.username },
    { action: 'auth.login', entityType: 'user', entityId: user.id },
  );
  return { token, expiresAt, userId: user.id };
}

/** After a failure that makes the next attempt wait: an audited lockout (auth.locked). */
async function auditThrottleStart(
  db: Executor,
  actor: Actor,
  failures: number,
  free: number,
  cap: number,
  who: string,
) {
  const wait = throttleDelaySeconds(failures, free, cap);
  if (wait === 0) return;
  await recordAudit(db, actor, {
    action: 'auth.locked',
    entityType: actor.userId === null ? undefined : 'user',
    entityId: actor.userId ?? undefined,
    summary: `${who}连续 ${failures} 次登录失败，下次登录须等待 ${wait} 秒`,
  });
}

export async function logout(db: Executor, token: string, actor: Actor): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
  await recordAudit(db, actor, {
    action: 'auth.logout',
    entityType: 'user',
    entityId: actor.userId ?? undefined,
  });
}

export async function loadAssignments(
  db: Executor,
  userId: number,
): Promise<(ActorAssignment & { orgName: string | null })[]> {
  const rows = await db
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      orgId: roleAssignments.orgId,
      orgPath: roleAssignments.orgPath,
      orgName: orgs.name,
    })
    .from(roleAssignments)
    .leftJoin(orgs, eq(orgs.id, roleAssignments.orgId))
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as RoleCode }));
}

export interface SessionUser {
  actor: Actor;
  user: typeof users.$inferSelect;
}

/** The role assignments of `users.id` as one JSON array, so a session resolves in one round trip. */
const assignmentsJson = sql<(ActorAssignment & { orgName: string | null })[]>`coalesce((
  select json_agg(json_build_object('id', ra.id, 'role', ra.role, 'orgId', ra.org_id, 'orgPath', ra.org_path,
    'orgName', o.name) order by ra.id)
  from ${roleAssignments} ra left join ${orgs} o on o.id = ra.org_id
  where ra.user_id = ${users.id}), '[]'::json)`;

/** The user behind a session token, or null when the token is unknown, expired or the user disabled. */
export async function resolveSession(
  db: Executor,
  token: string,
  config: Config,
): Promise<SessionUser | null> {
  const now = new Date();
  const [row] = await db
    .select({ session: sessions, user: users, assignments: assignmentsJson })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, now)));
  if (!row || row.user.isDisabled) return null;
  // Sliding expiry, written at most once a minute to spare the single embedded connection.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + config.sessionTtlHours * 3_600_000) })
      .where(eq(sessions.id, row.session.id));
  }
  const assignments = row.assignments.map((a) => ({
    ...a,
    id: Number(a.id),
    orgId: a.orgId === null ? null : Number(a.orgId),
  }));
  return {
    user: row.user,
    actor: { userId: row.user.id, username: row.user.username, assignments },
  };
}

export async function currentUserDto(db: Executor, user: typeof users.$inferSelect) {
  const assignments = await loadAssignments(db, user.id);
  return {
    id: encodeId(user.id),
    username: user.username,
    displayName: user.displayName,
    roles: assignments.map((a) => ({
      id: encodeId(a.id),
      role: a.role,
      orgId: a.orgId === null ? null : encodeId(a.orgId),
      orgName: a.orgName,
    })),
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Changes one's own password after checking the old one; clears `mustChangePassword` and ends
 * every other session of the user (a stolen session does not outlive the change).
 */
export async function changeOwnPassword(
  db: Executor,
  actor: Actor,
  input: { oldPassword: string; newPassword: string; currentSessionToken: string | null },
) {
  if (actor.userId === null) throw new AppError('UNAUTHENTICATED');
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.oldPassword))) throw new AppError('WRONG_PASSWORD');
  if (input.newPassword === input.oldPassword)
    throw new AppError('PASSWORD_UNCHANGED', undefined, [
      { field: 'newPassword', code: 'PASSWORD_UNCHANGED', message: '新密码不能与原密码相同' },
    ]);
  await db
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      passwordChangedAt: new Date(),
      mustChangePassword: false,
      version: user.version + 1,
    })
    .where(eq(users.id, user.id));
  const keep = input.currentSessionToken ? tokenHash(input.currentSessionToken) : '';
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, keep)))
    .returning({ id: sessions.id });
  await recordAudit(db, actor, {
    action: 'auth.password_change',
    entityType: 'user',
    entityId: user.id,
    summary: ended.length > 0 ? `修改本人密码，结束其他 ${ended.length} 个会话` : '修改本人密码',
  });
}
