import { type SQL, sql } from 'drizzle-orm';
import { PENDING_STATUSES } from '../rules/transfers.rules.ts';

/**
 * How a column holding a copy of an org path is kept current (see README.md beside this file):
 * - `org`: the row belongs to an org; only moving that org (or an ancestor) rewrites it.
 * - `member`: the row belongs to a member; it follows the member to a new org, in the same
 *   transaction as the move, and moves with the subtree when an org moves.
 * - `history`: the row records where something happened; nothing rewrites it (append-only tables).
 */
export type PathFollows = 'org' | 'member' | 'history';

export interface PathCarrier {
  table: string;
  /** The column holding the copied path. */
  path: string;
  follows: PathFollows;
  /** Why the row follows (or stays): one line, for the reader of this list. */
  why: string;
  /** `member`: the column naming the member, and the org id kept beside the path. */
  member?: {
    id: string;
    orgId: string;
    /** Only rows matching this follow the member; the others stay as history with the old org. */
    onlyWhere?: SQL;
    /**
     * Rows matching this stop an edit or an import from moving the member (a completed transfer
     * closes its row first); `describe` is a text expression naming the row for the message.
     */
    blocksMove?: { where: SQL; describe: SQL };
  };
}

/** A transfer still under way (the statuses the transfers rules call pending). */
const PENDING_TRANSFER = sql`status in (${sql.join(
  PENDING_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)})`;

/**
 * Every column of the schema that copies an org path. A new table carrying a path joins this list
 * in the same commit (pathCarriers.int.test.ts fails on any `*path` column missing from it).
 */
export const PATH_CARRIERS: readonly PathCarrier[] = [
  { table: 'orgs', path: 'path', follows: 'org', why: 'the tree itself' },
  {
    table: 'members',
    path: 'org_path',
    follows: 'org',
    why: "the register row; a member move writes it with the member's other columns",
  },
  {
    table: 'role_assignments',
    path: 'org_path',
    follows: 'org',
    why: 'an account holds its role over an org, not over a person',
  },
  {
    table: 'development_people',
    path: 'org_path',
    follows: 'member',
    why: "the development file (档案) is the member's: closed or open, it goes where the member goes; applicants without a member row belong to their org",
    member: { id: 'member_id', orgId: 'org_id' },
  },
  {
    table: 'flowing_records',
    path: 'org_path',
    follows: 'member',
    why: 'an open out-flow is kept by the home branch, which is now the new one; closed ones are the old branch’s contact history; in-flows belong to the host org',
    member: {
      id: 'member_id',
      orgId: 'org_id',
      onlyWhere: sql`direction = 'out' and status = 'active'`,
    },
  },
  {
    table: 'transfers',
    path: 'from_org_path',
    follows: 'member',
    why: 'the sending side of an open transfer is the member’s org; a closed transfer records which org sent it',
    member: {
      id: 'member_id',
      orgId: 'from_org_id',
      onlyWhere: PENDING_TRANSFER,
      blocksMove: {
        where: PENDING_TRANSFER,
        describe: sql`case when kind = 'out' then '开往“' || to_name || '”的介绍信' else '转往“' || to_name || '”的组织关系转接' end || '（' || issued_on::text || ' 发起）'`,
      },
    },
  },
  {
    table: 'transfers',
    path: 'to_org_path',
    follows: 'org',
    why: 'the receiving org waits for the member; the member is not theirs until accepted',
  },
  {
    table: 'audit_log',
    path: 'org_path',
    follows: 'history',
    why: 'append-only: where the act happened, as it was then',
  },
];
