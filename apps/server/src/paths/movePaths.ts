import { sql } from 'drizzle-orm';
import type { Executor } from '../db/createDatabase.ts';
import { AppError } from '../lib/appError.ts';
import { rowsOf, type ServiceContext } from '../lib/serviceContext.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { PATH_CARRIERS, type PathCarrier } from './pathCarriers.ts';

const id = sql.identifier;

type MemberCarrier = PathCarrier & { member: NonNullable<PathCarrier['member']> };
const memberCarriers = PATH_CARRIERS.filter((c): c is MemberCarrier => c.follows === 'member' && !!c.member);

/**
 * An org moved from `oldPrefix` to `newPrefix`: rewrites the paths of its subtree and of every row
 * that copies them (all carriers but history), one statement each, in the caller's transaction.
 */
export async function rewriteSubtreePaths(
  db: Executor,
  oldPrefix: string,
  newPrefix: string,
  depthDelta: number,
): Promise<void> {
  const pattern = `${oldPrefix}%`;
  const cut = oldPrefix.length + 1;
  for (const c of PATH_CARRIERS) {
    if (c.follows === 'history') continue;
    const col = id(c.path);
    const extra = c.table === 'orgs' ? sql`, depth = depth + ${depthDelta}, updated_at = now()` : sql``;
    await db.execute(
      sql`update ${id(c.table)} set ${col} = ${newPrefix} || substr(${col}, ${cut})${extra} where ${col} like ${pattern}`,
    );
  }
}

/**
 * Open rows that stop an edit or an import from moving these members (an open transfer: only its
 * completion moves the member), as a description per member for the message.
 */
export async function selectMemberMoveBlockers(
  db: Executor,
  memberIds: readonly number[],
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (memberIds.length === 0) return found;
  const list = sql.join(
    memberIds.map((m) => sql`${m}`),
    sql`, `,
  );
  for (const c of memberCarriers) {
    const blocks = c.member.blocksMove;
    if (!blocks) continue;
    const result = await db.execute(
      sql`select ${id(c.member.id)} as "memberId", ${blocks.describe} as "what" from ${id(c.table)} where ${id(c.member.id)} in (${list}) and ${blocks.where}`,
    );
    for (const row of rowsOf<{ memberId: string | number; what: string }>(result)) {
      const memberId = Number(row.memberId);
      if (!found.has(memberId)) found.set(memberId, row.what);
    }
  }
  return found;
}

/** The Chinese message of a refused move. */
export function moveBlockedMessage(what: string): string {
  return `该党员有正在办理的${what}，办结或撤回后才能调整所在党组织`;
}

/**
 * Every member move (edit, import, accepted transfer) calls this in the transaction that rewrites
 * the member's row: it refuses while an open row blocks the move (TRANSFER_PENDING, naming it) and
 * moves the member's own rows (development file, open out-flow, open transfer's sending side) to
 * the new org, with one audit entry when any moved.
 */
export async function followMember(
  ctx: ServiceContext,
  member: { id: number; name: string },
  to: { id: number; path: string; name: string },
): Promise<void> {
  const blocker = (await selectMemberMoveBlockers(ctx.db, [member.id])).get(member.id);
  if (blocker !== undefined) throw new AppError('TRANSFER_PENDING', moveBlockedMessage(blocker));
  const moved: Record<string, number> = {};
  for (const c of memberCarriers) {
    const only = c.member.onlyWhere ? sql` and ${c.member.onlyWhere}` : sql``;
    const result = await ctx.db.execute(
      sql`update ${id(c.table)} set ${id(c.path)} = ${to.path}, ${id(c.member.orgId)} = ${to.id} where ${id(c.member.id)} = ${member.id} and ${id(c.path)} <> ${to.path}${only}`,
    );
    const n =
      (result as { rowCount?: number | null; affectedRows?: number }).rowCount ??
      (result as { affectedRows?: number }).affectedRows ??
      0;
    if (n > 0) moved[`${c.table}.${c.path}`] = n;
  }
  if (Object.keys(moved).length === 0) return;
  await recordAudit(ctx.db, ctx.actor, {
    action: 'member.rows_follow',
    entityType: 'member',
    entityId: member.id,
    orgPath: to.path,
    summary: `党员“${member.name}”的 ${Object.values(moved).reduce((a, b) => a + b, 0)} 条关联记录（发展档案、流出登记、未办结的转接）随其转至“${to.name}”`,
    after: { moved },
  });
}

/**
 * Member-owned rows that sit elsewhere than their member (`table.column` and the member's id): none
 * should exist. Tests check it after every kind of move; a move that forgets `followMember` shows here.
 */
export async function selectStrayMemberRows(db: Executor): Promise<{ carrier: string; memberId: number }[]> {
  const strays: { carrier: string; memberId: number }[] = [];
  for (const c of memberCarriers) {
    // The filter names the carrier's columns unqualified, so it runs inside, before the join.
    const only = c.member.onlyWhere ?? sql`true`;
    const result = await db.execute(
      sql`select c.${id(c.member.id)} as "memberId" from (select * from ${id(c.table)} where ${only}) c join members m on m.id = c.${id(c.member.id)} where c.${id(c.path)} <> m.org_path or c.${id(c.member.orgId)} <> m.org_id`,
    );
    for (const row of rowsOf<{ memberId: string | number }>(result)) {
      strays.push({ carrier: `${c.table}.${c.path}`, memberId: Number(row.memberId) });
    }
  }
  return strays;
}
