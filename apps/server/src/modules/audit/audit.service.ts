import { and, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { requireScope, scopeCondition } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { auditLog } from '../../db/schema.ts';
import { maskPersonalText, redactPersonalData } from '../../lib/personalDataRedaction.ts';
import { encodeId } from '../../lib/publicId.ts';
import type { ServiceContext } from '../../lib/serviceContext.ts';

export interface AuditInput {
  action: string;
  entityType?: string;
  entityId?: number | string;
  orgPath?: string | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit record. Callers pass masked personal data only, never full ID numbers; as a
 * second line of defence, anything shaped like an ID number or a mobile number is masked here.
 */
export async function recordAudit(db: Executor, actor: Actor, input: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    userId: actor.userId,
    username: actor.username,
    action: input.action,
    entityType: input.entityType ?? null,
    entityId:
      input.entityId === undefined
        ? null
        : typeof input.entityId === 'number'
          ? encodeId(input.entityId)
          : input.entityId,
    orgPath: input.orgPath ?? null,
    summary: input.summary === undefined ? null : maskPersonalText(input.summary),
    before: input.before === undefined ? null : redactPersonalData(input.before),
    after: input.after === undefined ? null : redactPersonalData(input.after),
    ip: actor.ip ?? null,
    userAgent: actor.userAgent?.slice(0, 300) ?? null,
  });
}

export interface AuditFilter {
  action?: string;
  username?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Audit entries in the caller's scope; entries without an org (logins) only for system admins. */
export async function findAuditEntries(ctx: ServiceContext, filter: AuditFilter) {
  const scope = requireScope(ctx.actor, 'audit.read');
  const where: SQL[] = [scopeCondition(auditLog.orgPath, scope)];
  if (filter.action) where.push(ilike(auditLog.action, `${filter.action}%`));
  if (filter.username) where.push(eq(auditLog.username, filter.username));
  if (filter.from) where.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00+08:00`)));
  if (filter.to) {
    const end = new Date(`${filter.to}T00:00:00+08:00`);
    end.setUTCDate(end.getUTCDate() + 1);
    where.push(lt(auditLog.at, end));
  }
  const condition = and(...where);
  const [rows, [totalRow]] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(condition)
      .orderBy(desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    ctx.db.select({ n: count() }).from(auditLog).where(condition),
  ]);
  return {
    total: totalRow?.n ?? 0,
    items: rows.map((r) => ({
      id: encodeId(r.id),
      at: r.at.toISOString(),
      username: r.username,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      summary: r.summary,
      before: r.before ?? null,
      after: r.after ?? null,
      ip: r.ip,
    })),
  };
}
