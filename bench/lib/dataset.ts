import { canHaveChild, type OrgTypeCode } from '@zhibu/shared';
import { sql } from 'drizzle-orm';
import { cliActor } from '../../apps/server/src/access/actor.ts';
import type { Database } from '../../apps/server/src/db/createDatabase.ts';
import { PersonalDataCipher } from '../../apps/server/src/lib/personalDataCipher.ts';
import { rowsOf } from '../../apps/server/src/lib/serviceContext.ts';
import { ensureAdminUser, upsertUserWithRole } from '../../apps/server/src/modules/users/users.service.ts';
import { BENCH_PASSWORD } from './engines.ts';

export interface OrgRef {
  id: number;
  name: string;
  path: string;
  depth: number;
  type: OrgTypeCode;
  parentId: number | null;
  version: number;
}

/** The orgs a dashboard would open: one per administrative level present, each the largest inside the one above. */
export interface StatsTarget {
  /** township | county | city | province */
  level: string;
  isRoot: boolean;
  org: OrgRef;
  members: number;
}

export interface MoveSubject {
  org: OrgRef;
  from: OrgRef;
  to: OrgRef;
  orgs: number;
  members: number;
}

export interface Dataset {
  orgs: number;
  members: number;
  root: OrgRef;
  targets: StatsTarget[];
  /** Branch names for the import roster (unique, so the import can resolve them). */
  branchNames: string[];
  move: MoveSubject | null;
}

const LEVELS: Record<number, string> = { 9: 'township', 6: 'county', 4: 'city', 2: 'province' };

interface OrgDbRow {
  id: string | number;
  parent_id: string | number | null;
  name: string;
  path: string;
  depth: number;
  type: OrgTypeCode;
  version: number;
  division_code: string | null;
}

const toRef = (r: OrgDbRow): OrgRef => ({
  id: Number(r.id),
  name: r.name,
  path: r.path,
  depth: Number(r.depth),
  type: r.type,
  parentId: r.parent_id === null ? null : Number(r.parent_id),
  version: Number(r.version),
});

/** Members in the register per org (own members, not the subtree). */
async function ownMembers(db: Database): Promise<Map<number, number>> {
  const rows = rowsOf<{ org_id: string; n: number }>(
    await db.db.execute(
      sql`select org_id, count(*)::int as n from members where left_on is null group by org_id`,
    ),
  );
  return new Map(rows.map((r) => [Number(r.org_id), Number(r.n)]));
}

/**
 * Reads the seeded tree: the stats targets (the org of each administrative level with the most
 * members; the root is the highest level), the subtree to move (closest to 10³ orgs and 2×10⁴
 * members, with a new parent that may hold it) and branch names for the roster.
 */
export async function describeDataset(
  db: Database,
  moveGoal = { orgs: 1000, members: 20_000 },
): Promise<Dataset> {
  const orgRows = rowsOf<OrgDbRow>(
    await db.db.execute(
      sql`select id, parent_id, name, path, depth, type, version, division_code from orgs where dissolved_on is null`,
    ),
  );
  const own = await ownMembers(db);
  const orgs = orgRows.map(toRef);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  // Subtree sizes by walking up each org's ancestors (paths give them without recursion).
  const subtreeOrgs = new Map<number, number>();
  const subtreeMembers = new Map<number, number>();
  for (const o of orgs) {
    const n = own.get(o.id) ?? 0;
    for (let a: OrgRef | undefined = o; a; a = a.parentId === null ? undefined : byId.get(a.parentId)) {
      subtreeOrgs.set(a.id, (subtreeOrgs.get(a.id) ?? 0) + 1);
      subtreeMembers.set(a.id, (subtreeMembers.get(a.id) ?? 0) + n);
    }
  }
  const roots = orgs.filter((o) => o.parentId === null);
  const root = roots.sort((a, b) => (subtreeMembers.get(b.id) ?? 0) - (subtreeMembers.get(a.id) ?? 0))[0];
  if (!root) throw new Error('the database holds no org tree (did zhibu seed run?)');

  const targets: StatsTarget[] = [];
  const rootRow = orgRows.find((r) => Number(r.id) === root.id);
  const rootLevel = LEVELS[rootRow?.division_code?.length ?? 0] ?? 'root';
  targets.push({ level: rootLevel, isRoot: true, org: root, members: subtreeMembers.get(root.id) ?? 0 });
  // Each level inside the one above (the township in the county in the city …), so that one
  // account scoped to the county sees the township too.
  let within = root;
  for (const length of [4, 6, 9]) {
    const level = LEVELS[length] ?? '';
    if (targets.some((t) => t.level === level)) continue;
    const candidates = orgRows
      .filter((r) => r.division_code?.length === length && r.type !== 'branch')
      .map(toRef)
      .filter((o) => o.id !== within.id && o.path.startsWith(within.path));
    if (candidates.length === 0) continue;
    const best = candidates.reduce((a, b) =>
      (subtreeMembers.get(b.id) ?? 0) > (subtreeMembers.get(a.id) ?? 0) ? b : a,
    );
    targets.push({ level, isRoot: false, org: best, members: subtreeMembers.get(best.id) ?? 0 });
    within = best;
  }
  // Smallest subtree first: township, county, city, province.
  targets.sort((a, b) => a.members - b.members);

  const nameCounts = new Map<string, number>();
  for (const o of orgs) nameCounts.set(o.name, (nameCounts.get(o.name) ?? 0) + 1);
  const branchNames = orgs
    .filter((o) => (o.type === 'branch' || o.type === 'joint_branch') && nameCounts.get(o.name) === 1)
    .slice(0, 200)
    .map((o) => o.name);

  return {
    orgs: orgs.length,
    members: subtreeMembers.get(root.id) ?? 0,
    root,
    targets,
    branchNames,
    move: chooseMove(orgs, subtreeOrgs, subtreeMembers, moveGoal),
  };
}

function chooseMove(
  orgs: OrgRef[],
  subtreeOrgs: Map<number, number>,
  subtreeMembers: Map<number, number>,
  goal: { orgs: number; members: number },
): MoveSubject | null {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const distance = (o: OrgRef) =>
    Math.abs(Math.log((subtreeOrgs.get(o.id) ?? 1) / goal.orgs)) +
    Math.abs(Math.log(Math.max(1, subtreeMembers.get(o.id) ?? 0) / goal.members));
  const candidates = orgs
    .filter((o) => o.parentId !== null && (subtreeOrgs.get(o.id) ?? 0) > 1)
    .sort((a, b) => distance(a) - distance(b));
  for (const org of candidates.slice(0, 50)) {
    const from = org.parentId === null ? undefined : byId.get(org.parentId);
    if (!from) continue;
    // A new parent outside the subtree that may hold it, as near the old parent's depth as there is.
    const to = orgs
      .filter((p) => p.id !== from.id && !p.path.startsWith(org.path) && canHaveChild(p.type, org.type))
      .sort((a, b) => Math.abs(a.depth - from.depth) - Math.abs(b.depth - from.depth) || a.id - b.id)[0];
    if (to) {
      return { org, from, to, orgs: subtreeOrgs.get(org.id) ?? 0, members: subtreeMembers.get(org.id) ?? 0 };
    }
  }
  return null;
}

export interface BenchUsers {
  /** org_admin of the root: the stats case (a province/county organization department). */
  rootAdmin: string;
  /** officer of the list case's scope org (a county, or the root when there is no county). */
  listOfficer: string;
  password: string;
}

/** The accounts the HTTP cases sign in with (idempotent). */
export async function ensureBenchUsers(db: Database, masterKey: Buffer, data: Dataset, listScope: OrgRef) {
  await ensureAdminUser(db.db, BENCH_PASSWORD);
  const ctx = { db: db.db, actor: cliActor(), cipher: new PersonalDataCipher(masterKey) };
  const users: BenchUsers = { rootAdmin: 'bench_root', listOfficer: 'bench_list', password: BENCH_PASSWORD };
  await upsertUserWithRole(ctx, {
    username: users.rootAdmin,
    password: BENCH_PASSWORD,
    role: 'org_admin',
    orgId: data.root.id,
    mustChangePassword: false,
  });
  await upsertUserWithRole(ctx, {
    username: users.listOfficer,
    password: BENCH_PASSWORD,
    role: 'officer',
    orgId: listScope.id,
    mustChangePassword: false,
  });
  return users;
}
