import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { RoleCode } from '@zhibu/shared/api';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Actor, ActorAssignment } from '../../access/actor.ts';
import type { Config } from '../../config/loadConfig.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { orgs, roleAssignments, sessions, users } from '../../db/schema.ts';
import { AppError } from '../../lib/appError.ts';
import { encodeId } from '../../lib/publicId.ts';
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

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: number;
}

/** Checks a password, applies lockout, opens a session. Every attempt is audited. */
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
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, input.password);
    await recordAudit(db, anonymous, { action: 'auth.login_failed', summary: '用户名不存在' });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const actor: Actor = { ...anonymous, userId: user.id };
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, actor, { action: 'auth.login_locked', entityType: 'user', entityId: user.id });
    throw new AppError('ACCOUNT_LOCKED');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= config.lockoutThreshold;
    await db
      .update(users)
      .set({
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + config.lockoutMinutes * 60_000) : user.lockedUntil,
      })
      .where(eq(users.id, user.id));
    await recordAudit(db, actor, {
      action: lock ? 'auth.locked' : 'auth.login_failed',
      entityType: 'user',
      entityId: user.id,
      summary: lock ? `连续 ${failures} 次密码错误，账号锁定 ${config.lockoutMinutes} 分钟` : '密码错误',
    });
    throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (user.isDisabled) {
    await recordAudit(db, actor, { action: 'auth.login_disabled', entityType: 'user', entityId: user.id });
    throw new AppError('ACCOUNT_DISABLED');
  }
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
    mustChangePassword: false,
  };
}

/** Changes one's own password after checking the old one. */
export async function changeOwnPassword(
  db: Executor,
  actor: Actor,
  oldPassword: string,
  newPassword: string,
) {
  if (actor.userId === null) throw new AppError('UNAUTHENTICATED');
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, oldPassword))) throw new AppError('WRONG_PASSWORD');
  await db
    .update(users)
    .set({
      passwordHash: await hashPassword(newPassword),
      passwordChangedAt: new Date(),
      version: user.version + 1,
    })
    .where(eq(users.id, user.id));
  await recordAudit(db, actor, { action: 'auth.password_change', entityType: 'user', entityId: user.id });
}
