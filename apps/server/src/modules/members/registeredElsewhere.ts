import { and, count, eq, gt } from 'drizzle-orm';
import type { Scope } from '../../access/scope.ts';
import { auditLog } from '../../db/schema.ts';
import type { ServiceContext } from '../../lib/serviceContext.ts';
import { recordAudit } from '../audit/audit.service.ts';

// Membership outside the caller's subtree is not the caller's to know. Someone registering a
// person who is already on another org's register must still learn that a transfer is needed,
// so they get this one sentence (no org, no name), and only a few times an hour: otherwise
// creating members, or a dry-run import of 200,000 made-up rows, would tell them who is a
// party member anywhere in the deployment.

/** The whole answer about a person registered outside the caller's scope. */
export const REGISTERED_ELSEWHERE_MESSAGE = '此人已在其他党组织登记，请办理组织关系转接';
/** The answer once the caller has used up the hour's answers: says nothing about the person. */
export const ELSEWHERE_LIMIT_MESSAGE =
  '本小时核对身份号码的次数已达上限，未核对此人是否已在其他党组织登记，请稍后再试或联系上级党组织';
/** "Registered elsewhere" answers one user may get in an hour, across member creation and imports. */
export const ELSEWHERE_ANSWERS_PER_HOUR = 20;
const WINDOW_MS = 60 * 60 * 1000;
/** Each answer is an audit entry: the count survives restarts and supervisors see who asked. */
export const ELSEWHERE_AUDIT_ACTION = 'member.registered_elsewhere';

/** How many more "registered elsewhere" answers the caller may get now (the CLI is not limited). */
export async function elsewhereAnswersLeft(ctx: ServiceContext): Promise<number> {
  const userId = ctx.actor.userId;
  if (userId === null) return Number.POSITIVE_INFINITY;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.userId, userId),
        eq(auditLog.action, ELSEWHERE_AUDIT_ACTION),
        gt(auditLog.at, new Date(Date.now() - WINDOW_MS)),
      ),
    );
  return Math.max(0, ELSEWHERE_ANSWERS_PER_HOUR - (row?.n ?? 0));
}

/**
 * Records one "registered elsewhere" answer given to the caller. Filed under the caller's own org,
 * with the ID number masked as they typed it; call it outside any transaction that will roll back.
 */
export async function recordElsewhereAnswer(
  ctx: ServiceContext,
  scope: Scope,
  answer: { idNumberMasked: string; via: 'create' | 'update' | 'import'; row?: number },
): Promise<void> {
  await recordAudit(ctx.db, ctx.actor, {
    action: ELSEWHERE_AUDIT_ACTION,
    entityType: 'member',
    orgPath: scope.kind === 'paths' ? (scope.paths[0] ?? null) : null,
    summary: `告知“此人已在其他党组织登记”（${answer.via === 'import' ? `导入第 ${answer.row ?? '?'} 行` : answer.via === 'create' ? '新增党员' : '修改党员'}）`,
    after: { idNumberMasked: answer.idNumberMasked, via: answer.via },
  });
}
