import { randomBytes } from 'node:crypto';
import { ROLE_LABELS, type RoleCode } from '@zhibu/shared/api';
import { and, count, desc, eq, ilike, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { cliActor } from '../../access/actor.ts';
import { isPathInScope, requireScope, type Scope, scopeCondition } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { roleAssignments, sessions, users } from '../../db/schema.ts';
import { AppError } from '../../lib/appError.ts';
import { decodeId, encodeId } from '../../lib/publicId.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { clearAccountThrottles, hashPassword, loadAssignments } from '../auth/auth.service.ts';
import { escapeLike } from '../orgs/orgs.queries.ts';
import { loadOrgInScope, orgIdFrom } from '../orgs/orgs.service.ts';

function userIdFrom(publicId: string): number {
  const id = decodeId(publicId);
  if (id === null) throw new AppError('NOT_FOUND');
  return id;
}

function visibleTo(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  return sql`exists (select 1 from role_assignments ra where ra.user_id = users.id and ${scopeCondition(sql`ra.org_path`, scope)})`;
}

async function toUserDtos(db: Executor, rows: (typeof users.$inferSelect)[]) {
  const now = new Date();
  return Promise.all(
    rows.map(async (u) => {
      const roles = await loadAssignments(db, u.id);
      return {
        id: encodeId(u.id),
        username: u.username,
        displayName: u.displayName,
        isDisabled: u.isDisabled,
        isLocked: u.lockedUntil !== null && u.lockedUntil > now,
        mustChangePassword: u.mustChangePassword,
        lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
        roles: roles.map((a) => ({
          id: encodeId(a.id),
          role: a.role,
          orgId: a.orgId === null ? null : encodeId(a.orgId),
          orgName: a.orgName,
        })),
        version: u.version,
      };
    }),
  );
}

/** Users holding a role somewhere in the caller's scope. */
export async function findUsers(ctx: ServiceContext, input: { q?: string; page: number; pageSize: number }) {
  const scope = requireScope(ctx.actor, 'user.manage');
  const where = and(
    visibleTo(scope),
    input.q
      ? or(
          ilike(users.username, `%${escapeLike(input.q)}%`),
          ilike(users.displayName, `%${escapeLike(input.q)}%`),
        )
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(users).where(where),
  ]);
  return { total: total?.n ?? 0, items: await toUserDtos(ctx.db, rows) };
}

/**
 * Whether a role held at `path` is below the caller: an org_admin manages accounts of the orgs
 * strictly below its own, and at its own org only officers and members, never a peer org_admin
 * (who could otherwise be taken over by a password reset).
 */
function isRoleBelow(role: RoleCode, path: string | null, scope: Scope): boolean {
  if (scope.kind === 'all') return true;
  if (path === null) return false;
  return scope.paths.some(
    (p) => path.startsWith(p) && (path !== p || role === 'officer' || role === 'member'),
  );
}

/** A user the caller may manage: every role the user holds lies below the caller (see isRoleBelow). */
async function loadManagedUser(ctx: ServiceContext, publicId: string, scope: Scope) {
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(eq(users.id, userIdFrom(publicId)))
    .for('update');
  if (!user) throw new AppError('NOT_FOUND');
  if (scope.kind === 'all') return user;
  if (user.id === ctx.actor.userId)
    throw new AppError('FORBIDDEN', '不能管理本人账号；修改本人密码请使用“修改密码”');
  const roles = await loadAssignments(ctx.db, user.id);
  if (roles.length === 0) throw new AppError('NOT_FOUND');
  const anyInside = roles.some((r) => r.orgPath !== null && isPathInScope(r.orgPath, scope));
  if (!anyInside) throw new AppError('NOT_FOUND');
  if (!roles.every((r) => isRoleBelow(r.role, r.orgPath, scope)))
    throw new AppError('FORBIDDEN', '只能管理本组织以下的账号，不能管理同级或上级的组织管理员');
  return user;
}

/** The org path an audit entry about a user is filed under, so the org_admins above it see it. */
async function userOrgPath(db: Executor, userId: number): Promise<string | null> {
  const [row] = await db
    .select({ orgPath: roleAssignments.orgPath })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), isNotNull(roleAssignments.orgPath)))
    .orderBy(roleAssignments.id)
    .limit(1);
  return row?.orgPath ?? null;
}

/** Resolves where a new role applies and checks the caller may grant it there. */
async function grantTarget(ctx: ServiceContext, scope: Scope, role: RoleCode, orgPublicId: string | null) {
  if (orgPublicId === null) {
    if (role !== 'admin')
      throw new AppError('VALIDATION', '除系统管理员外，角色必须绑定到一个组织', [
        { field: 'orgId', code: 'REQUIRED', message: '请选择所属组织' },
      ]);
    if (scope.kind !== 'all') throw new AppError('FORBIDDEN', '只有系统管理员可以授予系统管理员角色');
    return { orgId: null, orgPath: null };
  }
  if (role === 'admin' && scope.kind !== 'all')
    throw new AppError('FORBIDDEN', '只有系统管理员可以授予系统管理员角色');
  const org = await loadOrgInScope(ctx, orgIdFrom(orgPublicId), scope);
  if (!isRoleBelow(role, org.path, scope))
    throw new AppError('FORBIDDEN', '组织管理员只能在本组织以下授予组织管理员角色');
  return { orgId: org.id, orgPath: org.path };
}

export async function createUser(
  ctx: ServiceContext,
  input: { username: string; displayName: string; password: string; role: RoleCode; orgId: string | null },
) {
  const scope = requireScope(ctx.actor, 'user.manage');
  return inTransaction(ctx, async (tx) => {
    const [taken] = await tx.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, input.username));
    if (taken) throw new AppError('DUPLICATE_USERNAME');
    const target = await grantTarget(tx, scope, input.role, input.orgId);
    const [user] = await tx.db
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        mustChangePassword: true,
      })
      .returning();
    if (!user) throw new AppError('INTERNAL');
    await tx.db.insert(roleAssignments).values({ userId: user.id, role: input.role, ...target });
    await recordAudit(tx.db, tx.actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      orgPath: target.orgPath,
      summary: `新建用户“${user.username}”，角色“${ROLE_LABELS[input.role]}”`,
      after: { username: user.username, displayName: user.displayName, role: input.role },
    });
    const [dto] = await toUserDtos(tx.db, [user]);
    if (!dto) throw new AppError('INTERNAL');
    return dto;
  });
}

/** Other enabled users holding the system administrator role (disabled ones cannot sign in). */
async function otherEnabledAdmins(db: Executor, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${roleAssignments.userId})::int` })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.role, 'admin'),
        eq(users.isDisabled, false),
        sql`${roleAssignments.userId} <> ${userId}`,
      ),
    );
  return row?.n ?? 0;
}

/** Refuses to disable the user when it is the last enabled system administrator. */
async function assertNotLastAdmin(db: Executor, userId: number) {
  const [own] = await db
    .select({ n: count() })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.role, 'admin'), eq(roleAssignments.userId, userId)));
  if ((own?.n ?? 0) > 0 && (await otherEnabledAdmins(db, userId)) === 0) throw new AppError('LAST_ADMIN');
}

export async function updateUser(
  ctx: ServiceContext,
  publicId: string,
  input: { displayName?: string; isDisabled?: boolean; version: number },
) {
  const scope = requireScope(ctx.actor, 'user.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await loadManagedUser(tx, publicId, scope);
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (input.isDisabled && !before.isDisabled) await assertNotLastAdmin(tx.db, before.id);
    const [user] = await tx.db
      .update(users)
      .set({
        displayName: input.displayName ?? before.displayName,
        isDisabled: input.isDisabled ?? before.isDisabled,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(users.id, before.id))
      .returning();
    if (!user) throw new AppError('INTERNAL');
    if (user.isDisabled) await tx.db.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx.db, tx.actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: user.id,
      orgPath: await userOrgPath(tx.db, user.id),
      summary: `修改用户“${user.username}”`,
      before: { displayName: before.displayName, isDisabled: before.isDisabled },
      after: { displayName: user.displayName, isDisabled: user.isDisabled },
    });
    const [dto] = await toUserDtos(tx.db, [user]);
    if (!dto) throw new AppError('INTERNAL');
    return dto;
  });
}

/** Sets a new password for a user, who must change it at the next sign-in; all their sessions end. */
export async function resetUserPassword(ctx: ServiceContext, publicId: string, password: string) {
  const scope = requireScope(ctx.actor, 'user.manage');
  await inTransaction(ctx, async (tx) => {
    const user = await loadManagedUser(tx, publicId, scope);
    await tx.db
      .update(users)
      .set({
        passwordHash: await hashPassword(password),
        passwordChangedAt: new Date(),
        failedLogins: 0,
        lockedUntil: null,
        mustChangePassword: true,
      })
      .where(eq(users.id, user.id));
    await clearAccountThrottles(tx.db, user.id);
    const ended = await tx.db
      .delete(sessions)
      .where(eq(sessions.userId, user.id))
      .returning({ id: sessions.id });
    await recordAudit(tx.db, tx.actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
      orgPath: await userOrgPath(tx.db, user.id),
      summary: `重置用户“${user.username}”的密码（须在下次登录时修改），结束其 ${ended.length} 个会话`,
    });
  });
}

export async function unlockUser(ctx: ServiceContext, publicId: string) {
  const scope = requireScope(ctx.actor, 'user.manage');
  await inTransaction(ctx, async (tx) => {
    const user = await loadManagedUser(tx, publicId, scope);
    await clearAccountThrottles(tx.db, user.id);
    await recordAudit(tx.db, tx.actor, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: user.id,
      orgPath: await userOrgPath(tx.db, user.id),
      summary: `解锁用户“${user.username}”`,
    });
  });
}

export async function addUserRole(
  ctx: ServiceContext,
  publicId: string,
  input: { role: RoleCode; orgId: string | null },
) {
  const scope = requireScope(ctx.actor, 'user.manage');
  return inTransaction(ctx, async (tx) => {
    const user = await loadManagedUser(tx, publicId, scope);
    const target = await grantTarget(tx, scope, input.role, input.orgId);
    await tx.db.insert(roleAssignments).values({ userId: user.id, role: input.role, ...target });
    await recordAudit(tx.db, tx.actor, {
      action: 'user.role_add',
      entityType: 'user',
      entityId: user.id,
      orgPath: target.orgPath,
      summary: `为用户“${user.username}”授予角色“${ROLE_LABELS[input.role]}”`,
    });
    const [dto] = await toUserDtos(tx.db, [user]);
    if (!dto) throw new AppError('INTERNAL');
    return dto;
  });
}

export async function removeUserRole(ctx: ServiceContext, publicId: string, assignmentPublicId: string) {
  const scope = requireScope(ctx.actor, 'user.manage');
  return inTransaction(ctx, async (tx) => {
    const user = await loadManagedUser(tx, publicId, scope);
    const assignmentId = decodeId(assignmentPublicId);
    const [assignment] = await tx.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, user.id), eq(roleAssignments.id, assignmentId ?? -1)));
    if (!assignment) throw new AppError('NOT_FOUND');
    if (assignment.role === 'admin' && (await otherEnabledAdmins(tx.db, user.id)) === 0) {
      const [ownOther] = await tx.db
        .select({ n: count() })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.role, 'admin'),
            eq(roleAssignments.userId, user.id),
            sql`${roleAssignments.id} <> ${assignment.id}`,
          ),
        );
      // The user keeps the role through another assignment only if it can still sign in.
      if ((ownOther?.n ?? 0) === 0 || user.isDisabled) throw new AppError('LAST_ADMIN');
    }
    await tx.db.delete(roleAssignments).where(eq(roleAssignments.id, assignment.id));
    await recordAudit(tx.db, tx.actor, {
      action: 'user.role_remove',
      entityType: 'user',
      entityId: user.id,
      orgPath: assignment.orgPath,
      summary: `撤销用户“${user.username}”的角色“${ROLE_LABELS[assignment.role]}”`,
    });
    const [dto] = await toUserDtos(tx.db, [user]);
    if (!dto) throw new AppError('INTERNAL');
    return dto;
  });
}

/** A one-time password shown once (first start, console reset); it meets the password rule. */
export function generatePassword(): string {
  return `Zb-${randomBytes(9).toString('base64url')}#7a`;
}

/**
 * First start: make sure a system administrator `admin` exists. The password comes from
 * ZHIBU_ADMIN_PASSWORD or is generated; a generated one is returned so the caller prints it once,
 * and, since it was shown on a console, must be changed at the first sign-in.
 */
export async function ensureAdminUser(
  db: Executor,
  password?: string,
): Promise<{ created: boolean; password?: string }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
  if (existing) return { created: false };
  const generated = password ?? generatePassword();
  const [user] = await db
    .insert(users)
    .values({
      username: 'admin',
      displayName: '系统管理员',
      passwordHash: await hashPassword(generated),
      mustChangePassword: password === undefined,
    })
    .returning();
  if (!user) throw new Error('could not create admin');
  await db.insert(roleAssignments).values({ userId: user.id, role: 'admin', orgId: null, orgPath: null });
  await recordAudit(db, cliActor(), {
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    summary: '首次启动创建系统管理员 admin',
  });
  return { created: true, password: password ? undefined : generated };
}

/**
 * Used by the CLI: create or update a user with one role on a named org. The password set must be
 * changed at the next sign-in unless `mustChangePassword: false` (demo and benchmark accounts).
 */
export async function upsertUserWithRole(
  ctx: ServiceContext,
  input: {
    username: string;
    password: string;
    role: RoleCode;
    orgId: number | null;
    displayName?: string;
    mustChangePassword?: boolean;
  },
) {
  const mustChangePassword = input.mustChangePassword ?? true;
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db.select().from(users).where(eq(users.username, input.username));
    const orgPath =
      input.orgId === null ? null : (await loadOrgInScope(tx, input.orgId, { kind: 'all' })).path;
    let userId: number;
    if (existing) {
      userId = existing.id;
      await tx.db
        .update(users)
        .set({
          passwordHash: await hashPassword(input.password),
          mustChangePassword,
          version: existing.version + 1,
        })
        .where(eq(users.id, userId));
      await clearAccountThrottles(tx.db, userId);
      // A new password set from the console ends the sessions opened with the old one.
      await tx.db.delete(sessions).where(eq(sessions.userId, userId));
    } else {
      const [created] = await tx.db
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName ?? input.username,
          passwordHash: await hashPassword(input.password),
          mustChangePassword,
        })
        .returning();
      if (!created) throw new AppError('INTERNAL');
      userId = created.id;
    }
    const roles = await loadAssignments(tx.db, userId);
    if (!roles.some((r) => r.role === input.role && r.orgId === input.orgId)) {
      await tx.db.insert(roleAssignments).values({ userId, role: input.role, orgId: input.orgId, orgPath });
    }
    await recordAudit(tx.db, tx.actor, {
      action: existing ? 'user.update' : 'user.create',
      entityType: 'user',
      entityId: userId,
      orgPath,
      summary: `命令行${existing ? '更新' : '创建'}用户“${input.username}”，角色“${ROLE_LABELS[input.role]}”`,
    });
    return { userId, created: !existing };
  });
}
