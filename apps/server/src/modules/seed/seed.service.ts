import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { checkMemberRecord, FARMER_MIN_FEN, todayInShanghai } from '@zhibu/shared';
import { ROLE_LABELS, type RoleCode } from '@zhibu/shared/api';
import { count, sql } from 'drizzle-orm';
import { cliActor } from '../../access/actor.ts';
import type { Config } from '../../config/loadConfig.ts';
import type { Database } from '../../db/createDatabase.ts';
import { orgs } from '../../db/schema.ts';
import { csvLine } from '../../lib/csvLine.ts';
import { PersonalDataCipher } from '../../lib/personalDataCipher.ts';
import { pinyinKeys, pinyinSearchKey } from '../../lib/pinyinKeys.ts';
import { rowsOf, type ServiceContext } from '../../lib/serviceContext.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type BulkDuesMember, copyDuesLedger } from '../dues/duesBulkLoad.ts';
import { memberColumns } from '../members/members.service.ts';
import { childPath } from '../orgs/orgPath.ts';
import { nextOrgIds } from '../orgs/orgs.queries.ts';
import { foldMemberStats, rebuildMemberRollups } from '../stats/stats.queries.ts';
import { upsertUserWithRole } from '../users/users.service.ts';
import { DEMO_TREE } from './buildSkeleton.ts';
import { markDemoData } from './demoMarker.ts';
import { branchDuesHabits, generateMemberDues } from './duesGenerator.ts';
import {
  generateBranchMembers,
  type PlannedOrg,
  planSeed,
  type SeedPlan,
  type SeedPlanOptions,
} from './planSeed.ts';
import { seedActivity } from './seedActivity.ts';

/**
 * Synthetic data for demos, tests and benchmarks: a real region's organization tree with plausible
 * members (see planSeed.ts and buildSkeleton.ts for the shapes, memberGenerator.ts for the people),
 * bulk-loaded with COPY. Runs only on a database without orgs.
 */
export interface SeedOptions extends Omit<SeedPlanOptions, 'today'> {
  /** Default: today in Asia/Shanghai. */
  today?: string;
  /** Write 'joined' and 'confirmed' member_events (one INSERT … SELECT); default true. */
  withEvents?: boolean;
  /** Give every member a dues standard and a few months of payments (duesGenerator.ts); default true. */
  withDues?: boolean;
  /** Rows per COPY of members; default 5000. */
  chunkSize?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  phase: 'plan' | 'orgs' | 'members' | 'events' | 'analyze';
  done: number;
  total: number;
}

export interface SeedResult {
  description: string;
  scale: SeedPlan['scale'];
  seed: string;
  orgs: number;
  members: number;
  events: number;
  duesProfiles: number;
  duesPayments: number;
  /** Milliseconds per phase; `dues` is the part of `members` spent writing the dues ledger. */
  timings: {
    plan: number;
    orgs: number;
    members: number;
    dues: number;
    events: number;
    analyze: number;
    total: number;
  };
  root: { id: number; name: string };
  sampleTownship: { id: number; name: string; path: string } | null;
  sampleVillageBranch: { id: number; name: string; path: string; secretaryName: string | null } | null;
}

/** Refusal to seed a database that already holds an organization tree. */
export class SeedRefusedError extends Error {}

export async function countOrgs(database: Database): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(orgs);
  return Number(row?.n ?? 0);
}

const ORG_COLUMNS = [
  'id',
  'parent_id',
  'path',
  'depth',
  'name',
  'short_name',
  'name_pinyin',
  'name_initials',
  'name_search',
  'code',
  'type',
  'category',
  'division_code',
  'established_on',
  'term_started_on',
  'term_years',
  'secretary_name',
  'contact_name',
  'contact_phone',
  'address',
  'sort_order',
];

const MEMBER_COLUMNS = [
  'org_id',
  'org_path',
  'name',
  'name_pinyin',
  'name_initials',
  'name_search',
  'gender',
  'id_number_enc',
  'id_number_hash',
  'id_number_masked',
  'ethnicity',
  'birth_date',
  'native_place',
  'education',
  'status',
  'joined_on',
  'confirmed_on',
  'work_unit',
  'post',
  'phone_enc',
  'phone_hash',
  'phone_masked',
  'address',
  'remark',
];

/** Builds the plan, then loads orgs and members with COPY; refuses when orgs already exist. */
export async function seedDatabase(
  database: Database,
  config: Pick<Config, 'masterKey'>,
  options: SeedOptions,
): Promise<SeedResult> {
  const started = performance.now();
  const existing = await countOrgs(database);
  if (existing > 0) {
    throw new SeedRefusedError(
      `数据库中已有 ${existing} 个组织，示例数据只能生成到空数据库中（请换一个数据目录 --data，或使用新的数据库）`,
    );
  }
  const progress = options.onProgress ?? (() => {});
  const today = options.today ?? todayInShanghai();
  progress({ phase: 'plan', done: 0, total: 1 });
  const plan = planSeed({ ...options, today });
  progress({ phase: 'plan', done: 1, total: 1 });
  const timings = {
    plan: performance.now() - started,
    orgs: 0,
    members: 0,
    dues: 0,
    events: 0,
    analyze: 0,
    total: 0,
  };

  // Ids come from the identity sequence first, so each path is written once, parents before children.
  let phaseStart = performance.now();
  const ids = await nextOrgIds(database.db, plan.orgs.length);
  const paths: string[] = [];
  for (const org of plan.orgs) {
    const id = ids[org.index];
    if (id === undefined) throw new Error('not enough org ids');
    const parentPath = org.parentIndex === null ? null : (paths[org.parentIndex] ?? null);
    paths.push(childPath(parentPath, id));
  }
  const orgChunk = 5000;
  for (let from = 0; from < plan.orgs.length; from += orgChunk) {
    let csv = '';
    for (const org of plan.orgs.slice(from, from + orgChunk)) csv += orgCsvLine(org, ids, paths);
    await database.copyCsv('orgs', ORG_COLUMNS, csv);
    progress({ phase: 'orgs', done: Math.min(from + orgChunk, plan.orgs.length), total: plan.orgs.length });
  }
  timings.orgs = performance.now() - phaseStart;

  phaseStart = performance.now();
  const ctx: ServiceContext = {
    db: database.db,
    actor: cliActor(),
    cipher: new PersonalDataCipher(config.masterKey),
  };
  const chunkSize = options.chunkSize ?? 5000;
  const withDues = options.withDues ?? true;
  let csv = '';
  let rows = 0;
  let written = 0;
  // Dues of the members in `csv`, in the same order, keyed by ID hash until the rows have ids.
  let dues: (Omit<BulkDuesMember, 'memberId'> & { idNumberHash: string })[] = [];
  const duesCounts = { profiles: 0, payments: 0 };
  let lastMemberId = 0;
  progress({ phase: 'members', done: 0, total: plan.members });
  // Generation (CPU here) overlaps the previous chunk's COPY (in the server process on PostgreSQL),
  // and a chunk's dues (COPY with two foreign-key checks a row) overlap the next chunk's members.
  const pipe: { members: Promise<void>; dues: Promise<void>[] } = { members: Promise.resolve(), dues: [] };
  const flush = async () => {
    await pipe.members;
    // At most two chunks of dues in flight, so memory stays bounded when the database is slow.
    while (pipe.dues.length > 1) await pipe.dues.shift();
    const batch = csv;
    const batchRows = rows;
    const batchDues = dues;
    csv = '';
    rows = 0;
    dues = [];
    const copied = database.copyCsv('members', MEMBER_COLUMNS, batch);
    pipe.members = copied.then(() => {
      written += batchRows;
      progress({ phase: 'members', done: written, total: plan.members });
    });
    // Awaited by the next flush or after the loop; until then a failure must not count as unhandled.
    pipe.members.catch(() => {});
    if (withDues) {
      const previous = pipe.dues.at(-1) ?? Promise.resolve();
      const duesWritten = Promise.all([previous, copied]).then(async () => {
        const duesStart = performance.now();
        lastMemberId = await writeDues(database, ctx, batchDues, lastMemberId, today, duesCounts);
        timings.dues += performance.now() - duesStart;
      });
      duesWritten.catch(() => {});
      pipe.dues.push(duesWritten);
    }
  };
  for (const org of plan.orgs) {
    if (org.memberCount === 0) continue;
    const id = ids[org.index] ?? 0;
    const path = paths[org.index] ?? '';
    const duesRng = plan.rng.fork(`dues/${org.code}`);
    const habits = branchDuesHabits(duesRng);
    const approvedBy = approvingCommitteeOf(plan.orgs, org);
    for (const member of generateBranchMembers(plan, org)) {
      const checked = checkMemberRecord(member, today);
      if (!checked.ok) {
        throw new Error(`generated member fails the register's rules: ${JSON.stringify(checked.errors)}`);
      }
      const c = memberColumns(ctx, checked.value);
      csv += csvLine([
        id,
        path,
        c.name,
        c.namePinyin,
        c.nameInitials,
        c.nameSearch,
        c.gender,
        c.idNumberEnc,
        c.idNumberHash,
        c.idNumberMasked,
        c.ethnicity,
        c.birthDate,
        c.nativePlace,
        c.education,
        c.status,
        c.joinedOn,
        c.confirmedOn,
        c.workUnit,
        c.post,
        c.phoneEnc,
        c.phoneHash,
        c.phoneMasked,
        c.address,
        c.remark,
      ]);
      if (withDues && org.unit) {
        const generated = generateMemberDues(duesRng, org.unit.kind, member, habits, today, approvedBy);
        dues.push({ idNumberHash: c.idNumberHash, orgId: id, ...generated });
      }
      rows++;
      if (rows >= chunkSize) await flush();
      // Often enough that the COPY streams and the dues chain get their turns.
      else if (rows % 100 === 0) await yieldToEventLoop();
    }
  }
  if (rows > 0) await flush();
  await pipe.members;
  for (const pending of pipe.dues) await pending;
  timings.members = performance.now() - phaseStart;

  phaseStart = performance.now();
  let events = 0;
  if (options.withEvents ?? true) {
    progress({ phase: 'events', done: 0, total: 1 });
    // Every member here was written by this run (the database had no orgs, hence no members).
    const result = await database.db.execute(sql`
      insert into member_events (member_id, kind, occurred_on)
      select id, 'joined', joined_on from members
      union all
      select id, 'confirmed', confirmed_on from members where confirmed_on is not null`);
    events = Number(
      (result as { rowCount?: number; affectedRows?: number }).rowCount ??
        (result as { affectedRows?: number }).affectedRows ??
        0,
    );
    progress({ phase: 'events', done: 1, total: 1 });
  }
  timings.events = performance.now() - phaseStart;

  phaseStart = performance.now();
  progress({ phase: 'analyze', done: 0, total: 1 });
  // Fresh statistics, so the first queries after a bulk load do not plan for empty tables.
  // The dashboard's rollup, counted once from the loaded register (cheaper than folding every chunk's changes).
  await rebuildMemberRollups(database.db);
  await database.db.execute(
    sql`analyze orgs, members, member_events, member_rollups, dues_profiles, dues_payments, dues_member_state`,
  );
  progress({ phase: 'analyze', done: 1, total: 1 });
  timings.analyze = performance.now() - phaseStart;

  const root = plan.orgs[0];
  const township = plan.sampleTownship === null ? undefined : plan.orgs[plan.sampleTownship];
  const branch = plan.sampleVillageBranch === null ? undefined : plan.orgs[plan.sampleVillageBranch];
  const refOf = (org: PlannedOrg) => ({
    id: ids[org.index] ?? 0,
    name: org.name,
    path: paths[org.index] ?? '',
  });
  const duesSummary = withDues
    ? `，党费标准 ${duesCounts.profiles} 人、缴纳记录 ${duesCounts.payments} 条`
    : '';
  const summary = `生成示例数据：${plan.description}，${plan.orgs.length} 个组织，${plan.members} 名党员${duesSummary}（规模 ${plan.scale}，种子 ${plan.seed}）`;
  await recordAudit(database.db, cliActor(), {
    action: 'seed.run',
    entityType: 'org',
    entityId: ids[0],
    summary,
  });
  await markDemoData(database.db, {
    rootOrgId: ids[0] ?? 0,
    seededAt: today,
    description: plan.description,
  });
  timings.total = performance.now() - started;
  return {
    description: plan.description,
    scale: plan.scale,
    seed: plan.seed,
    orgs: plan.orgs.length,
    members: plan.members,
    events,
    duesProfiles: duesCounts.profiles,
    duesPayments: duesCounts.payments,
    timings,
    root: { id: ids[0] ?? 0, name: root?.name ?? '' },
    sampleTownship: township ? refOf(township) : null,
    sampleVillageBranch: branch ? { ...refOf(branch), secretaryName: branch.secretaryName } : null,
  };
}

/**
 * Writes the dues of members just copied: their ids are the next ones after `afterId` in the
 * order they were written (one COPY at a time into a database this run filled), which the ID
 * hashes confirm row by row. Returns the last id.
 */
async function writeDues(
  database: Database,
  ctx: ServiceContext,
  batch: (Omit<BulkDuesMember, 'memberId'> & { idNumberHash: string })[],
  afterId: number,
  today: string,
  counts: { profiles: number; payments: number },
): Promise<number> {
  if (batch.length === 0) return afterId;
  const rows = rowsOf<{ id: string | number; id_number_hash: string }>(
    await database.db.execute(
      sql`select id, id_number_hash from members where id > ${afterId} order by id limit ${batch.length}`,
    ),
  );
  const members = batch.map(({ idNumberHash, ...rest }, i) => {
    const row = rows[i];
    if (!row || row.id_number_hash !== idNumberHash) {
      throw new Error('members were written by someone else during the seed; dues cannot be matched');
    }
    return { ...rest, memberId: Number(row.id) };
  });
  const written = await copyDuesLedger(database, ctx, members, {
    today,
    farmerDefaultFen: FARMER_MIN_FEN,
  });
  counts.profiles += written.profiles;
  counts.payments += written.payments;
  return members.at(-1)?.memberId ?? afterId;
}

/** Who approves a branch's hardship cases (第七条): the nearest 党委 above it. */
function approvingCommitteeOf(orgs: readonly PlannedOrg[], org: PlannedOrg): string {
  let at = org.parentIndex === null ? undefined : orgs[org.parentIndex];
  while (at && at.type !== 'party_committee' && at.parentIndex !== null) at = orgs[at.parentIndex];
  return at?.name ?? org.name;
}

function orgCsvLine(org: PlannedOrg, ids: number[], paths: string[]): string {
  const keys = pinyinKeys(org.name);
  return csvLine([
    ids[org.index] ?? null,
    org.parentIndex === null ? null : (ids[org.parentIndex] ?? null),
    paths[org.index] ?? null,
    org.depth,
    org.name,
    org.shortName,
    keys.pinyin,
    keys.initials,
    pinyinSearchKey([org.name, org.shortName]),
    org.code,
    org.type,
    org.category,
    org.divisionCode,
    org.establishedOn,
    org.termStartedOn,
    org.termYears,
    org.secretaryName,
    org.contactName,
    org.contactPhone,
    org.address,
    org.sortOrder,
  ]);
}

/** Password of the demo accounts; printed by `zhibu start --demo`. */
export const DEMO_PASSWORD = 'Zhibu#2026';
export const DEMO_SEED = 2026;
export const DEMO_MEMBERS = 1500;

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  org: string;
}

/**
 * `zhibu start --demo` on an empty database: the county scale trimmed to three townships and
 * about 40 branches (≈ 1500 members), plus two accounts: `xiangzhen` administers a township,
 * `zhibu` keeps the register of a village branch.
 */
export async function seedDemo(database: Database, config: Config): Promise<DemoAccount[]> {
  const result = await seedDatabase(database, config, {
    scale: 'county',
    seed: DEMO_SEED,
    members: DEMO_MEMBERS,
    limits: DEMO_TREE,
  });
  // Every module in use: applicants at each stage, transfers in each state, flowing members.
  await seedActivity(
    { db: database.db, actor: cliActor(), cipher: new PersonalDataCipher(config.masterKey) },
    { seed: DEMO_SEED, sampleBranchId: result.sampleVillageBranch?.id ?? null },
  );
  await foldMemberStats(database.db);
  return createDemoAccounts(database, config, result);
}

/** The two demo accounts on the run's sample township and village branch. */
export async function createDemoAccounts(
  database: Database,
  config: Pick<Config, 'masterKey'>,
  result: SeedResult,
): Promise<DemoAccount[]> {
  const ctx: ServiceContext = {
    db: database.db,
    actor: cliActor(),
    cipher: new PersonalDataCipher(config.masterKey),
  };
  const accounts: {
    username: string;
    role: RoleCode;
    org: { id: number; name: string } | null;
    displayName: string;
  }[] = [
    { username: 'xiangzhen', role: 'org_admin', org: result.sampleTownship, displayName: '乡镇党委组织委员' },
    {
      username: 'zhibu',
      role: 'officer',
      org: result.sampleVillageBranch,
      displayName: result.sampleVillageBranch?.secretaryName ?? '支部书记',
    },
  ];
  const out: DemoAccount[] = [];
  for (const a of accounts) {
    if (!a.org) continue;
    await upsertUserWithRole(ctx, {
      username: a.username,
      password: DEMO_PASSWORD,
      role: a.role,
      orgId: a.org.id,
      displayName: a.displayName,
      // A published demo password on demo data only; the e2e suite signs these accounts in.
      mustChangePassword: false,
    });
    out.push({ username: a.username, password: DEMO_PASSWORD, role: ROLE_LABELS[a.role], org: a.org.name });
  }
  return out;
}
