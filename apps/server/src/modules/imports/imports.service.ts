import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  educationName,
  ethnicityName,
  genderName,
  memberStatusName,
  orgCategoryName,
  orgTypeName,
} from '@zhibu/shared';
import {
  type ImportJob,
  type ImportKind,
  type ImportMode,
  ImportReport,
  type MemberFilter,
} from '@zhibu/shared/api';
import type { Actor } from '../../access/actor.ts';
import { isPathInScope, requireScope, type Scope } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { AppError } from '../../lib/appError.ts';
import { decodeId, encodeId } from '../../lib/publicId.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { iterateMembersForExport } from '../members/members.service.ts';
import { foldMemberStats } from '../stats/stats.queries.ts';
import { type ImportOutcome, importMembers } from './importMembers.ts';
import { importOrgs } from './importOrgs.ts';
import { commonPath, ImportAbortedError } from './importReport.ts';
import {
  ANALYZE_AFTER_ROWS,
  analyzeImported,
  finishJob,
  insertJob,
  type JobRow,
  selectJob,
  selectOrgExportBatch,
  updateJobProgress,
} from './imports.queries.ts';
import { inspectXlsx, XLSX_LIMITS, type XlsxInspection, type XlsxLimits } from './inspectXlsx.ts';
import { MEMBER_COLUMNS, ORG_COLUMNS } from './templateColumns.ts';
import { type CellOut, dateCell, streamWorkbook } from './xlsxWorkbooks.ts';

const MODE_LABELS: Record<ImportMode, string> = {
  dryRun: '试导入',
  default: '导入正确行',
  atomic: '全部正确才导入',
};
const KIND_LABELS: Record<ImportKind, string> = { orgs: '组织机构', members: '党员名册' };

export interface RunImportInput {
  kind: ImportKind;
  mode: ImportMode;
  filePath: string;
  /** Shown in the audit log. */
  fileName: string;
  /** From an earlier inspectXlsx of the same file; inspected here when absent. */
  inspection?: XlsxInspection;
  limits?: XlsxLimits;
  onProgress?: (processed: number, total: number) => Promise<void> | void;
  signal?: AbortSignal;
  /** Writes the job row's outcome; runs in the same transaction as the import's audit entry and, where possible, its last rows. */
  recordJob?: (db: Executor, outcome: ImportOutcome) => Promise<void>;
}

/** Where an audit entry about the caller's whole scope belongs: the scope's common ancestor; null for everywhere. */
function scopeRootPath(scope: Scope): string | null {
  return scope.kind === 'all' ? null : commonPath(scope.paths);
}

/** Throws FORBIDDEN unless the caller may import this kind somewhere. */
export function requireImportScope(actor: Actor, kind: ImportKind): Scope {
  return requireScope(actor, kind === 'orgs' ? 'import.orgs' : 'import.members');
}

/**
 * Runs one import in the caller's scope and records one audit entry with its counts (plus the
 * per-record entries the orgs and members services write). Throws FILE_INVALID for a file that
 * is not a readable xlsx; bad rows are reported, not thrown.
 */
export async function runImport(ctx: ServiceContext, input: RunImportInput): Promise<ImportOutcome> {
  const scope = requireImportScope(ctx.actor, input.kind);
  const limits = input.limits ?? XLSX_LIMITS;
  const inspection = input.inspection ?? (await inspectXlsx(input.filePath, limits));
  let isRecorded = false;
  // The audit entry and the job's outcome, written once: by the importer inside the transaction of
  // its last write when it can tell which that is (atomic mode, the last chunk of members), else here.
  const finish = async (tx: ServiceContext, outcome: ImportOutcome) => {
    await recordImportAudit(tx, input, scope, outcome);
    await input.recordJob?.(tx.db, outcome);
    isRecorded = true;
  };
  const options = {
    mode: input.mode,
    inspection,
    limits,
    source: input.fileName,
    onProgress: input.onProgress,
    signal: input.signal,
    finish,
  };
  const outcome =
    input.kind === 'orgs'
      ? await importOrgs(ctx, input.filePath, options)
      : await importMembers(ctx, input.filePath, options);
  if (!isRecorded) await inTransaction(ctx, (tx) => finish(tx, outcome));
  const { report } = outcome;
  // Add the import's counts up the tree now rather than on the next dashboard read.
  if (report.created + report.updated > 0) await foldMemberStats(ctx.db);
  // The embedded engine never analyzes by itself: plans made for the table before a bulk load
  // can be orders of magnitude off after it.
  if (report.created >= ANALYZE_AFTER_ROWS) await analyzeImported(ctx.db, input.kind);
  return outcome;
}

async function recordImportAudit(
  ctx: ServiceContext,
  input: RunImportInput,
  scope: Scope,
  outcome: ImportOutcome,
): Promise<void> {
  const { report } = outcome;
  const result = outcome.isRejected
    ? `有 ${outcome.errorRows} 行错误，未写入任何数据`
    : `新增 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}，错误 ${outcome.errorRows} 行`;
  await recordAudit(ctx.db, ctx.actor, {
    action: `import.${input.kind}`,
    entityType: input.kind === 'orgs' ? 'org' : 'member',
    orgPath: scopeRootPath(scope),
    summary: `导入${KIND_LABELS[input.kind]}（${MODE_LABELS[input.mode]}）“${input.fileName}”：共 ${report.total} 行，${result}`,
    after: {
      fileName: input.fileName,
      mode: input.mode,
      total: report.total,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      errorRows: outcome.errorRows,
      isRejected: outcome.isRejected,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Background jobs: the HTTP upload returns at once and the web app polls the job row.

const JOB_KIND_PREFIX = 'import.';

/** When this process started: a job still `running` from before then was cut off by a restart. */
const PROCESS_STARTED_AT = new Date();

/** What a cut-off job left behind: an atomic import writes in one transaction, so nothing. */
function interruptedMessage(mode: ImportMode | undefined, cause: 'restart' | 'stop'): string {
  const head = cause === 'restart' ? '服务重启，导入中断' : '服务停止，导入中断';
  return mode === 'atomic'
    ? `${head}：本次为“全部正确才导入”，没有写入任何数据，请重新导入`
    : `${head}：已写入的行会保留，请重新导入同一文件（不会产生重复记录）`;
}

/** A job row as the API shows it; `startedAt` is when this server process started. */
export function jobDto(row: JobRow, startedAt: Date = PROCESS_STARTED_AT): ImportJob {
  const params = row.params as { kind?: ImportKind; mode?: ImportMode };
  const report = row.status === 'done' ? ImportReport.safeParse(row.result) : null;
  // Jobs run inside the server process (one process per deployment), or in a CLI process that
  // records its outcome the same way, so one left running from before a restart will never finish.
  const isInterrupted = row.status === 'running' && row.createdAt < startedAt;
  if (isInterrupted) {
    return {
      ...jobDtoOf(row, params, null),
      status: 'failed',
      error: interruptedMessage(params.mode, 'restart'),
    };
  }
  return jobDtoOf(row, params, report?.success ? report.data : null);
}

function jobDtoOf(
  row: JobRow,
  params: { kind?: ImportKind; mode?: ImportMode },
  report: ImportReport | null,
): ImportJob {
  return {
    id: encodeId(row.id),
    kind: params.kind ?? (row.kind.slice(JOB_KIND_PREFIX.length) as ImportKind),
    mode: params.mode ?? 'default',
    status: row.status === 'done' || row.status === 'failed' ? row.status : 'running',
    total: row.total,
    processed: row.processed,
    report,
    error: row.error,
  };
}

function failureMessage(e: unknown, mode: ImportMode): string {
  if (e instanceof ImportAbortedError) return interruptedMessage(mode, 'stop');
  if (e instanceof AppError && e.status < 500) return e.detail;
  return mode === 'atomic'
    ? '导入时发生内部错误，没有写入任何数据，请稍后重试'
    : '导入时发生内部错误，请稍后重试；已写入的行会保留，重新导入同一文件不会产生重复记录';
}

/** Writes a job's latest progress, one write at a time, skipping values overtaken while a write ran. */
class ProgressWriter {
  processed = 0;
  total = 0;
  private written = Promise.resolve();
  private isQueued = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly jobId: number,
    private readonly log: { error(obj: unknown, msg: string): void },
  ) {}

  set(processed: number, total: number) {
    this.processed = processed;
    this.total = total;
    if (this.isQueued) return;
    this.isQueued = true;
    this.written = this.written.then(async () => {
      this.isQueued = false;
      await updateJobProgress(this.ctx.db, this.jobId, this.processed, this.total).catch((err: unknown) =>
        this.log.error({ err }, 'could not record import progress'),
      );
    });
  }

  flushed(): Promise<void> {
    return this.written;
  }
}

export interface ImportJobHooks {
  /**
   * Runs after the import returned and before this process does anything else for the job; a test
   * that never resolves it stands for a process killed right after the import's last commit.
   */
  afterImport?: () => Promise<void>;
}

/** A job row for an import about to run (web upload or CLI), so an interrupted one can be traced. */
export async function createImportJob(
  ctx: ServiceContext,
  input: Pick<RunImportInput, 'kind' | 'mode' | 'fileName' | 'inspection'>,
  source: 'web' | 'cli',
): Promise<JobRow> {
  const estimate = Math.max(0, ...(input.inspection?.sheetRows.values() ?? [0]));
  return insertJob(ctx.db, {
    kind: `${JOB_KIND_PREFIX}${input.kind}`,
    userId: ctx.actor.userId,
    params: { kind: input.kind, mode: input.mode, fileName: input.fileName, source },
    total: Math.max(0, estimate - 1),
  });
}

/**
 * Runs an import for its job row: progress as it goes, the outcome in the same transaction as the
 * import's last write (see runImport), a failure recorded with a message that says what was kept.
 * Rethrows the failure after recording it.
 */
export async function runImportJob(
  ctx: ServiceContext,
  jobId: number,
  input: Omit<RunImportInput, 'onProgress' | 'recordJob'> & {
    onProgress?: (processed: number, total: number) => void;
  },
  log: { error(obj: unknown, msg: string): void },
  hooks: ImportJobHooks = {},
): Promise<ImportOutcome> {
  const progress = new ProgressWriter(ctx, jobId, log);
  try {
    const outcome = await runImport(ctx, {
      ...input,
      // Not awaited: an atomic import writes inside one transaction, and on the embedded engine
      // (one connection) a progress write from outside it would wait for it to end.
      onProgress: (processed, total) => {
        progress.set(processed, total);
        input.onProgress?.(processed, total);
      },
      recordJob: (db: Executor, result: ImportOutcome) =>
        finishJob(db, jobId, {
          status: 'done',
          processed: result.report.total,
          total: result.report.total,
          result: result.report,
          error: null,
        }),
    });
    await hooks.afterImport?.();
    await progress.flushed();
    return outcome;
  } catch (e) {
    if (!(e instanceof AppError) && !(e instanceof ImportAbortedError))
      log.error({ err: e }, 'import job failed');
    await progress.flushed();
    await finishJob(ctx.db, jobId, {
      status: 'failed',
      processed: progress.processed,
      total: progress.total,
      result: null,
      error: failureMessage(e, input.mode),
    }).catch((err: unknown) => log.error({ err }, 'could not record the failed import job'));
    throw e;
  }
}

/**
 * Imports running in this process. The app aborts them on close (between chunks) and waits, so
 * nothing writes to a closed database.
 */
export class ImportJobRunner {
  private readonly running = new Map<number, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly log: { error(obj: unknown, msg: string): void },
    private readonly hooks: ImportJobHooks = {},
  ) {}

  /** Creates the job row and starts the import in the background; the file is deleted when it ends. */
  async start(ctx: ServiceContext, input: Omit<RunImportInput, 'onProgress' | 'signal'>): Promise<ImportJob> {
    requireImportScope(ctx.actor, input.kind);
    const row = await createImportJob(ctx, input, 'web');
    const controller = new AbortController();
    const done = this.work(ctx, row.id, input, controller.signal).finally(() => this.running.delete(row.id));
    this.running.set(row.id, { controller, done });
    return jobDto(row);
  }

  private async work(ctx: ServiceContext, jobId: number, input: RunImportInput, signal: AbortSignal) {
    try {
      await runImportJob(ctx, jobId, { ...input, signal }, this.log, this.hooks);
    } catch {
      // Recorded on the job row by runImportJob.
    } finally {
      await rm(input.filePath, { force: true }).catch(() => undefined);
    }
  }

  /** Aborts every running import and waits for each to stop. */
  async stopAll(): Promise<void> {
    for (const job of this.running.values()) job.controller.abort();
    await Promise.allSettled([...this.running.values()].map((j) => j.done));
  }

  /** Waits for running imports to finish (tests). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()].map((j) => j.done));
  }
}

function isAdmin(actor: Actor): boolean {
  return actor.assignments.some((a) => a.role === 'admin' && a.orgPath === null);
}

/** A job the caller started (system administrators see all); others' jobs look missing. */
export async function getImportJob(ctx: ServiceContext, publicId: string): Promise<ImportJob> {
  const id = decodeId(publicId);
  const row = id === null ? undefined : await selectJob(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.kind.startsWith(JOB_KIND_PREFIX)) throw new AppError('NOT_FOUND');
  if (!isAdmin(ctx.actor) && (row.userId === null || row.userId !== ctx.actor.userId))
    throw new AppError('NOT_FOUND');
  return jobDto(row);
}

// ---------------------------------------------------------------------------------------------
// Exports: the list's filters, the import template's headers and codes as names, so an export
// re-imports cleanly.

/** The first batch is read before anything is sent, so a bad filter still gets a problem response. */
async function primed<T>(source: AsyncGenerator<T>): Promise<AsyncIterable<T>> {
  const first = await source.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* source;
  })();
}

/** Members matching the list filter as an xlsx stream; `full` writes whole ID numbers and phones (member.reveal, audited). */
export async function exportMembers(
  ctx: ServiceContext,
  filter: MemberFilter,
  options: { full: boolean; onRows?: (count: number) => void },
): Promise<Readable> {
  const batches = await primed(iterateMembersForExport(ctx, filter, { full: options.full }));
  async function* rows(): AsyncGenerator<CellOut[][]> {
    for await (const batch of batches) {
      options.onRows?.(batch.length);
      yield batch.map((m) => {
        const byField: Record<string, CellOut> = {
          name: m.name,
          gender: genderName(m.gender),
          idNumber: m.idNumber,
          ethnicity: m.ethnicity ? (ethnicityName(m.ethnicity) ?? m.ethnicity) : null,
          birthDate: dateCell(m.birthDate),
          education: m.education ? (educationName(m.education) ?? m.education) : null,
          status: memberStatusName(m.status),
          joinedOn: dateCell(m.joinedOn),
          confirmedOn: dateCell(m.confirmedOn),
          org: m.orgName,
          phone: m.phone,
          remark: m.remark,
          nativePlace: m.nativePlace,
          workUnit: m.workUnit,
          post: m.post,
          address: m.address,
        };
        return MEMBER_COLUMNS.map((c) => byField[c.field] ?? null);
      });
    }
  }
  return streamWorkbook('党员名册', MEMBER_COLUMNS, rows());
}

const ORG_EXPORT_BATCH = 2000;

/**
 * Orgs in the caller's scope matching `q` (the whole subtree when empty), parents before children.
 * The parent of a scope's top org is left blank: it lies outside the scope, and a blank parent
 * re-imports as that same top org.
 */
export async function exportOrgs(
  ctx: ServiceContext,
  input: { q?: string; onRows?: (count: number) => void },
): Promise<Readable> {
  const scope = requireScope(ctx.actor, 'org.read');
  const query = { scope, q: input.q || undefined };
  await recordAudit(ctx.db, ctx.actor, {
    action: 'org.export',
    entityType: 'org',
    orgPath: scopeRootPath(scope),
    summary: '导出组织机构',
    after: { q: input.q ?? null },
  });
  async function* batches() {
    let after = '';
    for (;;) {
      const rows = await selectOrgExportBatch(ctx.db, query, after, ORG_EXPORT_BATCH);
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]?.path ?? after;
      if (rows.length < ORG_EXPORT_BATCH) return;
    }
  }
  const source = await primed(batches());
  async function* rows(): AsyncGenerator<CellOut[][]> {
    for await (const batch of source) {
      input.onRows?.(batch.length);
      yield batch.map((o) => {
        const isParentVisible = o.parentPath !== null && isPathInScope(o.parentPath, scope);
        const byField: Record<string, CellOut> = {
          name: o.name,
          shortName: o.shortName,
          parent: isParentVisible ? o.parentName : null,
          type: orgTypeName(o.type),
          category: orgCategoryName(o.category),
          establishedOn: dateCell(o.establishedOn),
        };
        return ORG_COLUMNS.map((c) => byField[c.field] ?? null);
      });
    }
  }
  return streamWorkbook('组织机构', ORG_COLUMNS, rows());
}
