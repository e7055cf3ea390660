import {
  checkMemberRecord,
  type MemberRecord,
  type MemberRecordInput,
  parseCitizenId,
  todayInShanghai,
} from '@zhibu/shared';
import type { ImportMode, ImportReport } from '@zhibu/shared/api';
import { isPathInScope, requireScope, type Scope } from '../../access/scope.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import { moveBlockedMessage, selectMemberMoveBlockers } from '../../paths/movePaths.ts';
import { selectMemberListRowsByIdHashes } from '../members/members.queries.ts';
import {
  insertImportedMembers,
  isMemberUnchanged,
  type MemberListRow,
  recordInputOf,
  updateImportedMember,
} from '../members/members.service.ts';
import { cellErrorReason, cellText, isCellError } from './cellValue.ts';
import { ElsewhereGate } from './elsewhereGate.ts';
import type { HeaderMatch } from './headerRow.ts';
import {
  type CellProblem,
  commonPath,
  ImportAbortedError,
  isUniqueViolation,
  ReportBuilder,
} from './importReport.ts';
import type { XlsxInspection, XlsxLimits } from './inspectXlsx.ts';
import { maskedValueProblems } from './maskedValueProblems.ts';
import { type OrgCandidate, OrgResolver } from './orgResolver.ts';
import { type RosterRow, readRoster } from './readRoster.ts';
import { MEMBER_COLUMNS, type MemberImportField } from './templateColumns.ts';

/** Rows per chunk: each chunk is one transaction, so the single embedded connection is never held long. */
export const MEMBER_CHUNK_ROWS = 500;
const UNIQUE_RETRIES = 2;

export interface ImportRunOptions {
  mode: ImportMode;
  inspection: XlsxInspection;
  limits: XlsxLimits;
  /** File name for the audit log. */
  source: string;
  /** Called after every chunk with data rows handled so far and the (estimated) total. */
  onProgress?: (processed: number, total: number) => Promise<void> | void;
  signal?: AbortSignal;
  /**
   * Records the import's outcome (audit entry, job row) inside the transaction of its last write,
   * where the importer can tell which that is; runImport calls it afterwards otherwise. A crash
   * after that commit leaves the outcome recorded with the rows.
   */
  finish?: (tx: ServiceContext, outcome: ImportOutcome) => Promise<void>;
}

export interface ImportOutcome {
  report: ImportReport;
  /** Atomic mode found errors, so nothing was written. */
  isRejected: boolean;
  errorRows: number;
}

type Problem = CellProblem<MemberImportField>;

/** One data row after validation on its own (before the database is asked about its ID number). */
interface PreparedRow {
  row: number;
  problems: Problem[];
  /** Values of the columns the file has, as checker input. */
  input: MemberRecordInput;
  record: MemberRecord | null;
  org: OrgCandidate | null;
  idNumber: string | null;
  hash: string | null;
}

const NUMERIC_ID_REASON =
  '公民身份号码被存成了数字（如 1.10105E+17），末尾几位已经丢失；请把该列设为“文本”格式后重新填写';

/** Builds checker input from the cells of the present columns; formula error values become problems. */
function rowInput(row: RosterRow<MemberImportField>, header: HeaderMatch<MemberImportField>) {
  const input: MemberRecordInput = {};
  const problems: Problem[] = [];
  for (const spec of MEMBER_COLUMNS) {
    if (spec.field === 'org' || !header.columns.has(spec.field)) continue;
    const value = row.cells[spec.field] ?? null;
    if (isCellError(value)) {
      problems.push({ field: spec.field, code: 'CELL_ERROR', reason: cellErrorReason(value) });
      continue;
    }
    input[spec.field] = value;
  }
  // 18 digits do not fit a double: a number here has already lost its last digits.
  if (typeof row.cells.idNumber === 'number') {
    problems.push({ field: 'idNumber', code: 'ID_FORMAT', reason: NUMERIC_ID_REASON });
  }
  return { input, problems };
}

class MembersPass {
  readonly report = new ReportBuilder(MEMBER_COLUMNS);
  private readonly resolver: OrgResolver;
  /** ID-number hash → first row holding it. */
  private readonly seen = new Map<string, number>();
  private readonly today = todayInShanghai();
  private header: HeaderMatch<MemberImportField> | null = null;
  private readonly elsewhere: ElsewhereGate;
  private isElsewhereLimitReported = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly scope: Scope,
    private readonly isWriting: boolean,
    private readonly source: string,
    /** Called in the last chunk's transaction with the final report (default mode). */
    private readonly finish: ((tx: ServiceContext) => Promise<void>) | null = null,
  ) {
    this.resolver = new OrgResolver(ctx.db, scope);
    this.elsewhere = new ElsewhereGate(ctx, scope);
  }

  async run(
    filePath: string,
    options: ImportRunOptions,
    progress: (processed: number, estimated: number) => Promise<void>,
  ): Promise<void> {
    let estimated = 0;
    let chunk: RosterRow<MemberImportField>[] = [];
    const flush = async (isLast: boolean) => {
      if (options.signal?.aborted) throw new ImportAbortedError();
      await this.processChunk(chunk, isLast);
      chunk = [];
      await progress(this.report.total, Math.max(estimated, this.report.total));
    };
    for await (const event of readRoster(filePath, MEMBER_COLUMNS, {
      inspection: options.inspection,
      maxRows: options.limits.maxRows,
      stallMs: options.limits.stallMs,
    })) {
      if (event.kind === 'header') {
        this.header = event.header;
        estimated = event.estimatedRows;
        for (const spec of event.header.missing) {
          this.report.addFileError(
            event.header.rowNumber,
            spec.header,
            'COLUMN_MISSING',
            `第 ${event.header.rowNumber} 行（表头）缺少必需的列「${spec.header}」，请使用导入模板`,
          );
        }
      } else if (event.kind === 'tooManyRows') {
        this.report.addFileError(
          event.row,
          '',
          'TOO_MANY_ROWS',
          `超过单次导入上限 ${options.limits.maxRows} 行：第 ${event.row} 行及以后的行未导入，请拆分文件`,
        );
      } else {
        // A full chunk is written once the next row shows it is not the last one.
        if (chunk.length >= MEMBER_CHUNK_ROWS) await flush(false);
        chunk.push(event.row);
        this.report.total += 1;
      }
    }
    if (chunk.length > 0) await flush(true);
    this.reportElsewhereLimit();
    if (!this.header) {
      this.report.addFileError(
        1,
        '',
        'HEADER_NOT_FOUND',
        '没有找到表头：工作表前 30 行中应有「姓名」「公民身份号码」「党员类型」「入党日期」「所在党组织」等列，请使用导入模板',
      );
    }
  }

  /** Once per import: rows past the hourly limit of out-of-scope ID checks were not checked. */
  private reportElsewhereLimit() {
    if (!this.elsewhere.isLimitReached || this.isElsewhereLimitReported) return;
    this.isElsewhereLimitReported = true;
    this.report.addFileError(
      0,
      '',
      'ID_CHECK_LIMIT',
      '本小时核对“已在其他党组织登记”的次数已达上限：其后不在您数据权限范围内的行（包括新增人员）均未核对、未导入，请稍后再导入这些行',
    );
  }

  private async prepare(row: RosterRow<MemberImportField>): Promise<PreparedRow> {
    const header = this.header;
    if (!header) throw new Error('rows before the header');
    const { input, problems } = rowInput(row, header);
    // Reported before the checker's format errors, which it then keeps quiet for those cells.
    problems.push(...maskedValueProblems(input));
    const checked = checkMemberRecord(input, this.today);
    if (!checked.ok) {
      for (const e of checked.errors) {
        if (!problems.some((p) => p.field === e.field))
          problems.push({ field: e.field, code: e.code, reason: e.message });
      }
    }
    let org: OrgCandidate | null = null;
    const orgCell = row.cells.org ?? null;
    const orgText = cellText(orgCell);
    if (isCellError(orgCell)) {
      problems.push({ field: 'org', code: 'CELL_ERROR', reason: cellErrorReason(orgCell) });
    } else if (orgText === null) {
      problems.push({ field: 'org', code: 'REQUIRED', reason: '请填写所在党组织' });
    } else {
      const resolved = await this.resolver.resolve(orgText);
      if (resolved.ok) org = resolved.org;
      else problems.push({ field: 'org', code: resolved.code, reason: resolved.message });
    }
    let idNumber: string | null = checked.ok ? checked.value.idNumber : null;
    if (!idNumber && typeof input.idNumber === 'string') {
      const parsed = parseCitizenId(input.idNumber, this.today);
      if (parsed.ok) idNumber = parsed.value.id;
    }
    return {
      row: row.row,
      problems,
      input,
      record: checked.ok && problems.length === 0 ? checked.value : null,
      org,
      idNumber,
      hash: idNumber === null ? null : this.ctx.cipher.hash('idNumber', idNumber),
    };
  }

  private async processChunk(rows: RosterRow<MemberImportField>[], isLast: boolean) {
    const prepared: PreparedRow[] = [];
    for (const row of rows) prepared.push(await this.prepare(row));
    for (const p of prepared) {
      if (p.hash === null) continue;
      const first = this.seen.get(p.hash);
      if (first === undefined) this.seen.set(p.hash, p.row);
      else
        p.problems.push({
          field: 'idNumber',
          code: 'DUPLICATE_IN_FILE',
          reason: `与第 ${first} 行的公民身份号码重复`,
        });
    }
    const valid = prepared.filter((p) => p.problems.length === 0 && p.record !== null && p.org !== null);
    await this.classifyAndWrite(
      valid,
      (late) => {
        for (const p of prepared) this.report.addRow(p.row, [...p.problems, ...(late.get(p.row) ?? [])]);
      },
      isLast,
    );
  }

  /**
   * Splits valid rows into new, changed and unchanged members and writes the first two in one
   * transaction. A concurrent insert of the same ID number fails the chunk on the unique index;
   * the chunk is then classified again (that person now exists) and retried.
   */
  private async classifyAndWrite(
    valid: PreparedRow[],
    addRows: (late: Map<number, Problem[]>) => void,
    isLast: boolean,
  ): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const hashes = valid.flatMap((p) => (p.hash === null ? [] : [p.hash]));
      const existing = new Map<string, MemberListRow>(
        (await selectMemberListRowsByIdHashes(this.ctx.db, hashes)).map((m) => [m.idNumberHash, m]),
      );
      const late = new Map<number, Problem[]>();
      const creates: { record: MemberRecord; org: OrgCandidate }[] = [];
      let updates: { row: number; before: MemberListRow; record: MemberRecord; org: OrgCandidate }[] = [];
      let unchanged = 0;
      for (const p of valid) {
        const { record, org, hash } = p;
        if (record === null || org === null || hash === null) continue;
        const before = existing.get(hash);
        if (!before) {
          const limited = this.elsewhere.newPersonProblem();
          if (limited) late.set(p.row, [limited]);
          else creates.push({ record, org });
          continue;
        }
        if (!isPathInScope(before.orgPath, this.scope)) {
          late.set(p.row, [await this.elsewhere.registeredElsewhere(p.row, record.idNumber)]);
          continue;
        }
        if (before.leftOn) {
          late.set(p.row, [
            {
              field: 'idNumber',
              code: 'MEMBER_LEFT',
              reason: '该党员已从名册减少（转出、去世等），不能通过导入修改',
            },
          ]);
          continue;
        }
        // Columns the file lacks keep their stored values; present columns (even blank ones) win.
        const merged = checkMemberRecord({ ...recordInputOf(this.ctx, before), ...p.input }, this.today);
        if (!merged.ok) {
          late.set(
            p.row,
            merged.errors.map((e) => ({ field: e.field, code: e.code, reason: e.message })),
          );
        } else if (isMemberUnchanged(this.ctx, before, merged.value, org.id)) unchanged += 1;
        else updates.push({ row: p.row, before, record: merged.value, org });
      }
      // A member with an open transfer moves only when the transfer completes (paths/README.md).
      const blockers = await selectMemberMoveBlockers(
        this.ctx.db,
        updates.filter((u) => u.org.id !== u.before.orgId).map((u) => u.before.id),
      );
      if (blockers.size > 0) {
        updates = updates.filter((u) => {
          const what = u.org.id === u.before.orgId ? undefined : blockers.get(u.before.id);
          if (what === undefined) return true;
          late.set(u.row, [{ field: 'org', code: 'TRANSFER_PENDING', reason: moveBlockedMessage(what) }]);
          return false;
        });
      }
      let isSettled = false;
      const settle = () => {
        this.report.created += creates.length;
        this.report.updated += updates.length;
        this.report.unchanged += unchanged;
        addRows(late);
        isSettled = true;
      };
      if (this.isWriting && (creates.length > 0 || updates.length > 0)) {
        try {
          await inTransaction(this.ctx, async (tx) => {
            await insertImportedMembers(tx, creates, {
              today: this.today,
              auditOrgPath: commonPath(creates.map((c) => c.org.path)),
              source: this.source,
            });
            for (const u of updates) await updateImportedMember(tx, u.before, u.record, u.org, this.today);
            // The last write of the import: its outcome commits with it (or not at all).
            if (isLast && this.finish) {
              settle();
              this.reportElsewhereLimit();
              await this.finish(tx);
            }
          });
        } catch (e) {
          if (isSettled) throw e;
          if (isUniqueViolation(e) && attempt < UNIQUE_RETRIES) continue;
          throw e;
        }
      }
      if (!isSettled) settle();
      return;
    }
  }
}

/**
 * Imports a member roster in the caller's data scope (`import.members`). Members match by ID number:
 * new ones are created, existing ones in scope updated or left unchanged. dryRun writes nothing;
 * default writes the good rows chunk by chunk; atomic validates the whole file first and writes
 * only when it is clean, in one transaction.
 */
export async function importMembers(
  ctx: ServiceContext,
  filePath: string,
  options: ImportRunOptions,
): Promise<ImportOutcome> {
  const scope = requireScope(ctx.actor, 'import.members');
  const report = (pass: MembersPass, isRejected = false): ImportOutcome => ({
    report: pass.report.toReport(isRejected),
    isRejected,
    errorRows: pass.report.errorRows,
  });
  const progress = (share: number, offset: number) => async (processed: number, total: number) => {
    await options.onProgress?.(Math.floor(offset * total + share * processed), total);
  };

  if (options.mode !== 'atomic') {
    const { finish } = options;
    const pass: MembersPass = new MembersPass(
      ctx,
      scope,
      options.mode === 'default',
      options.source,
      finish && options.mode === 'default' ? (tx) => finish(tx, report(pass)) : null,
    );
    await pass.run(filePath, options, progress(1, 0));
    return report(pass);
  }
  // Atomic: a validating pass over the whole file, then (only if clean) the writing pass in one transaction.
  const check = new MembersPass(ctx, scope, false, options.source);
  await check.run(filePath, options, progress(0.5, 0));
  if (check.report.hasErrors) return report(check, true);
  const rollback = new Error('atomic import found errors');
  const written: { pass?: MembersPass } = {};
  try {
    await inTransaction(ctx, async (tx) => {
      const pass = new MembersPass(tx, scope, true, options.source);
      written.pass = pass;
      await pass.run(filePath, options, progress(0.5, 0.5));
      if (pass.report.hasErrors) throw rollback;
      await options.finish?.(tx, report(pass));
    });
  } catch (e) {
    if (e !== rollback || !written.pass) throw e;
    return report(written.pass, true);
  }
  if (!written.pass) throw new Error('atomic pass did not run');
  return report(written.pass);
}
