import {
  canHaveChild,
  compareIsoDate,
  lookupOrgCategory,
  lookupOrgType,
  ORG_CATEGORIES,
  ORG_TYPES,
  type OrgCategoryCode,
  type OrgTypeCode,
  orgTypeName,
  parseDateInput,
  todayInShanghai,
} from '@zhibu/shared';
import { CreateOrgRequest } from '@zhibu/shared/api';
import { requireScope, type Scope } from '../../access/scope.ts';
import { AppError } from '../../lib/appError.ts';
import { decodeId, encodeId } from '../../lib/publicId.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import { assertTypeFits, createOrg, loadOrgInScope, updateOrg } from '../orgs/orgs.service.ts';
import { type CellError, type CellInput, cellErrorReason, cellText, isCellError } from './cellValue.ts';
import type { HeaderMatch } from './headerRow.ts';
import type { ImportOutcome, ImportRunOptions } from './importMembers.ts';
import { type CellProblem, ImportAbortedError, ReportBuilder } from './importReport.ts';
import { canonicalOrgName, type OrgCandidate, OrgResolver, orgNameVariants } from './orgResolver.ts';
import { readRoster } from './readRoster.ts';
import { ORG_COLUMNS, type OrgImportField } from './templateColumns.ts';

type Problem = CellProblem<OrgImportField>;

/** One org row after validation on its own; `undefined` marks a column the file lacks. */
interface OrgRowInput {
  row: number;
  problems: Problem[];
  name: string;
  shortName: string | null | undefined;
  parentText: string | null;
  type: OrgTypeCode | null;
  category: OrgCategoryCode | null;
  establishedOn: string | null | undefined;
}

const TYPE_NAMES = ORG_TYPES.map((t) => t.name).join('、');
const CATEGORY_NAMES = ORG_CATEGORIES.map((c) => c.name).join('、');
const PROGRESS_EVERY = 200;

function textOf(value: CellInput | undefined, field: OrgImportField, problems: Problem[]): string | null {
  if (isCellError(value ?? null)) {
    problems.push({ field, code: 'CELL_ERROR', reason: cellErrorReason(value as CellError) });
    return null;
  }
  return cellText(value ?? null);
}

function lengthProblem(field: OrgImportField, issue: { code: string; message: string } | undefined): Problem {
  return {
    field,
    code: issue?.code === 'too_big' ? 'TOO_LONG' : 'TOO_SHORT',
    reason: issue?.message ?? '长度不符合要求',
  };
}

/** Validates one row on its own: required cells, code tables, date, lengths (the API's own rules). */
function prepareOrgRow(
  row: number,
  cells: Partial<Record<OrgImportField, CellInput>>,
  header: HeaderMatch<OrgImportField>,
  today: string,
): OrgRowInput {
  const problems: Problem[] = [];
  const has = (field: OrgImportField) => header.columns.has(field);

  const nameText = textOf(cells.name, 'name', problems);
  const name = nameText === null ? '' : canonicalOrgName(nameText);
  if (nameText === null) {
    if (!problems.some((p) => p.field === 'name'))
      problems.push({ field: 'name', code: 'REQUIRED', reason: '请填写组织名称' });
  } else {
    const checked = CreateOrgRequest.shape.name.safeParse(name);
    if (!checked.success) problems.push(lengthProblem('name', checked.error.issues[0]));
  }

  let shortName: string | null | undefined;
  if (has('shortName')) {
    const text = textOf(cells.shortName, 'shortName', problems);
    shortName = text === null ? null : canonicalOrgName(text);
    const checked = CreateOrgRequest.shape.shortName.safeParse(shortName);
    if (!checked.success) problems.push(lengthProblem('shortName', checked.error.issues[0]));
  }

  const parentText = textOf(cells.parent, 'parent', problems);
  if (
    parentText !== null &&
    name &&
    orgNameVariants(parentText).some((v) => v === name || (shortName && v === shortName))
  ) {
    problems.push({ field: 'parent', code: 'PARENT_IS_SELF', reason: '上级组织不能是本组织自己' });
  }

  let type: OrgTypeCode | null = null;
  const typeText = textOf(cells.type, 'type', problems);
  if (typeText === null) {
    if (!problems.some((p) => p.field === 'type'))
      problems.push({ field: 'type', code: 'REQUIRED', reason: '请填写组织类型' });
  } else {
    type = lookupOrgType(typeText)?.code ?? null;
    if (type === null) {
      problems.push({
        field: 'type',
        code: 'ORG_TYPE_UNKNOWN',
        reason: `“${typeText}”无法识别，应为 ${TYPE_NAMES} 之一`,
      });
    }
  }

  let category: OrgCategoryCode | null = null;
  const categoryText = textOf(cells.category, 'category', problems);
  if (categoryText === null) {
    if (!problems.some((p) => p.field === 'category')) {
      problems.push({ field: 'category', code: 'REQUIRED', reason: '请填写组织类别' });
    }
  } else {
    category = lookupOrgCategory(categoryText)?.code ?? null;
    if (category === null) {
      problems.push({
        field: 'category',
        code: 'ORG_CATEGORY_UNKNOWN',
        reason: `“${categoryText}”无法识别，应为 ${CATEGORY_NAMES} 之一`,
      });
    }
  }

  let establishedOn: string | null | undefined;
  if (has('establishedOn')) {
    const value = cells.establishedOn ?? null;
    establishedOn = null;
    if (isCellError(value)) {
      problems.push({ field: 'establishedOn', code: 'CELL_ERROR', reason: cellErrorReason(value) });
    } else if (value !== null) {
      const parsed = parseDateInput(value);
      if (!parsed.ok) problems.push({ field: 'establishedOn', code: parsed.code, reason: parsed.message });
      else if (compareIsoDate(parsed.value, today) > 0) {
        problems.push({ field: 'establishedOn', code: 'DATE_IN_FUTURE', reason: '成立日期不能晚于今天' });
      } else establishedOn = parsed.value;
    }
  }
  return { row, problems, name, shortName, parentText, type, category, establishedOn };
}

/** Org-service errors that belong to a row, and the column they concern. */
function rowProblemOf(e: unknown): Problem | null {
  if (!(e instanceof AppError)) return null;
  switch (e.code) {
    case 'ORG_TYPE_NO_CHILDREN':
    case 'ORG_TYPE_CHANGE_INVALID':
      return { field: 'type', code: e.code, reason: e.detail };
    case 'FORBIDDEN':
      return { field: 'parent', code: 'PARENT_REQUIRED', reason: e.detail };
    case 'ORG_DISSOLVED':
    case 'NOT_FOUND':
      return {
        field: 'parent',
        code: 'ORG_NOT_FOUND',
        reason: '上级组织不存在、已撤销或不在您的数据权限范围内',
      };
    case 'VERSION_CONFLICT':
      return { field: 'name', code: e.code, reason: '该组织正被他人修改，请稍后重新导入' };
    default:
      return null;
  }
}

class OrgsPass {
  readonly report = new ReportBuilder(ORG_COLUMNS);
  private readonly resolver: OrgResolver;
  private readonly today = todayInShanghai();
  private header: HeaderMatch<OrgImportField> | null = null;
  private virtualIds = 0;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly scope: Scope,
    private readonly isWriting: boolean,
  ) {
    this.resolver = new OrgResolver(ctx.db, scope);
  }

  async run(
    filePath: string,
    options: ImportRunOptions,
    progress: (processed: number, total: number) => Promise<void>,
  ) {
    // Org files are small (10³–10⁴ rows) and may name parents that appear further down, so the rows are held.
    const rows: OrgRowInput[] = [];
    for await (const event of readRoster(filePath, ORG_COLUMNS, {
      inspection: options.inspection,
      maxRows: options.limits.maxRows,
      stallMs: options.limits.stallMs,
    })) {
      if (event.kind === 'header') {
        this.header = event.header;
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
      } else if (this.header) {
        rows.push(prepareOrgRow(event.row.row, event.row.cells, this.header, this.today));
      }
    }
    if (!this.header) {
      this.report.addFileError(
        1,
        '',
        'HEADER_NOT_FOUND',
        '没有找到表头：工作表前 30 行中应有「组织名称」「上级组织」「组织类型」「组织类别」等列，请使用导入模板',
      );
    }
    this.report.total = rows.length;
    const problems = new Map<number, Problem[]>();
    for (const r of rows) if (r.problems.length > 0) problems.set(r.row, r.problems);
    // A row that failed on its own still names an org: rows below it fail because of it, and say so.
    const failedNames = new Map<string, number>();
    for (const r of rows) if (r.problems.length > 0) markFailed(failedNames, r);
    await this.processInDependencyOrder(
      rows.filter((r) => r.problems.length === 0),
      problems,
      failedNames,
      options,
      progress,
    );
    for (const r of rows) this.report.addRow(r.row, problems.get(r.row) ?? []);
  }

  /**
   * File order, except that a row whose parent is defined by a later row waits for it (repeated
   * passes until nothing moves); what is left names a parent that failed or forms a cycle.
   */
  private async processInDependencyOrder(
    valid: OrgRowInput[],
    problems: Map<number, Problem[]>,
    failedNames: Map<string, number>,
    options: ImportRunOptions,
    progress: (processed: number, total: number) => Promise<void>,
  ) {
    const pendingNames = new Map<string, number>();
    const bump = (r: OrgRowInput, by: number) => {
      for (const n of new Set([r.name, r.shortName ?? r.name]))
        pendingNames.set(n, (pendingNames.get(n) ?? 0) + by);
    };
    for (const r of valid) bump(r, 1);
    const seenKeys = new Map<string, number>();
    let pending = valid;
    let done = this.report.total - valid.length;
    while (pending.length > 0) {
      const deferred: OrgRowInput[] = [];
      for (const r of pending) {
        if (options.signal?.aborted) throw new ImportAbortedError();
        let parent: OrgCandidate | null = null;
        let problem: Problem | null = null;
        if (r.parentText !== null) {
          const resolved = await this.resolver.resolve(r.parentText);
          if (resolved.ok) parent = resolved.org;
          else if (resolved.code === 'ORG_NOT_FOUND' && this.isNamedByPending(r, pendingNames)) {
            deferred.push(r);
            continue;
          } else {
            const failedRow = orgNameVariants(r.parentText)
              .map((v) => failedNames.get(v))
              .find((n) => n !== undefined);
            problem =
              failedRow === undefined || resolved.code !== 'ORG_NOT_FOUND'
                ? { field: 'parent', code: resolved.code, reason: resolved.message }
                : {
                    field: 'parent',
                    code: 'PARENT_ROW_FAILED',
                    reason: `上级组织“${canonicalOrgName(r.parentText)}”在第 ${failedRow} 行，该行有错误未能导入，本行因此也未导入`,
                  };
          }
        }
        if (!problem) {
          const key = `${parent?.id ?? 'top'}\u0000${r.name}`;
          const first = seenKeys.get(key);
          if (first !== undefined) {
            problem = {
              field: 'name',
              code: 'DUPLICATE_IN_FILE',
              reason: `与第 ${first} 行重复（同一上级组织下的同名组织）`,
            };
          } else {
            seenKeys.set(key, r.row);
            problem = await this.apply(r, parent);
          }
        }
        bump(r, -1);
        if (problem) {
          problems.set(r.row, [problem]);
          markFailed(failedNames, r);
        }
        done += 1;
        if (done % PROGRESS_EVERY === 0) await progress(done, this.report.total);
      }
      if (deferred.length === pending.length) {
        for (const r of deferred) {
          problems.set(r.row, [
            {
              field: 'parent',
              code: 'ORG_NOT_FOUND',
              reason: `上级组织“${canonicalOrgName(r.parentText ?? '')}”未能导入（本表中的上下级关系形成了循环）`,
            },
          ]);
        }
        break;
      }
      pending = deferred;
    }
    await progress(this.report.total, this.report.total);
  }

  private isNamedByPending(r: OrgRowInput, pendingNames: Map<string, number>): boolean {
    return orgNameVariants(r.parentText ?? '').some((v) => {
      const n = pendingNames.get(v) ?? 0;
      // The row itself does not count as its own parent.
      const self = v === r.name || v === r.shortName ? 1 : 0;
      return n - self > 0;
    });
  }

  /** Creates the org, or updates / leaves unchanged the one with that name under that parent. */
  private async apply(r: OrgRowInput, parent: OrgCandidate | null): Promise<Problem | null> {
    const type = r.type;
    const category = r.category;
    if (type === null || category === null) return null;
    const variants = orgNameVariants(r.name);
    const sameName = (await this.resolver.candidates(r.name)).filter((c) => variants.includes(c.name));
    const matches = sameName.filter((c) =>
      parent
        ? c.parentId === parent.id
        : c.parentId === null || (this.scope.kind === 'paths' && this.scope.paths.includes(c.path)),
    );
    if (matches.length > 1) {
      return {
        field: 'name',
        code: 'ORG_AMBIGUOUS',
        reason: `已有 ${matches.length} 个同名组织“${r.name}”在同一上级组织下，无法确定要更新哪一个`,
      };
    }
    if (parent && !canHaveChild(parent.type, type)) {
      return {
        field: 'type',
        code: 'ORG_TYPE_NO_CHILDREN',
        reason: `“${parent.name}”（${orgTypeName(parent.type)}）下不能设立${orgTypeName(type)}`,
      };
    }
    const [existing] = matches;
    if (existing) return this.update(r, existing, type, category);
    if (!parent && this.scope.kind !== 'all') {
      return {
        field: 'parent',
        code: 'PARENT_REQUIRED',
        reason: '请填写上级组织（只有系统管理员可以创建顶级组织）',
      };
    }
    return this.create(r, parent, type, category);
  }

  private async update(r: OrgRowInput, existing: OrgCandidate, type: OrgTypeCode, category: OrgCategoryCode) {
    const changes: {
      shortName?: string | null;
      type?: OrgTypeCode;
      category?: OrgCategoryCode;
      establishedOn?: string | null;
    } = {};
    if (r.shortName !== undefined && r.shortName !== existing.shortName) changes.shortName = r.shortName;
    if (type !== existing.type) changes.type = type;
    if (category !== existing.category) changes.category = category;
    if (r.establishedOn !== undefined && r.establishedOn !== existing.establishedOn)
      changes.establishedOn = r.establishedOn;
    if (Object.keys(changes).length === 0) {
      this.report.unchanged += 1;
      return null;
    }
    try {
      if (this.isWriting) {
        await updateOrg(this.ctx, encodeId(existing.id), { ...changes, version: existing.version });
      } else if (changes.type) {
        // A dry run (and atomic mode's check pass) predicts the orgs service's refusal.
        await assertTypeFits(this.ctx, existing, changes.type);
      }
    } catch (e) {
      const problem = rowProblemOf(e);
      if (problem) return problem;
      throw e;
    }
    this.report.updated += 1;
    return null;
  }

  private async create(
    r: OrgRowInput,
    parent: OrgCandidate | null,
    type: OrgTypeCode,
    category: OrgCategoryCode,
  ) {
    let added: OrgCandidate;
    if (this.isWriting) {
      try {
        const dto = await createOrg(this.ctx, {
          parentId: parent ? encodeId(parent.id) : null,
          name: r.name,
          shortName: r.shortName ?? null,
          type,
          category,
          establishedOn: r.establishedOn ?? null,
        });
        const id = decodeId(dto.id);
        if (id === null) throw new AppError('INTERNAL');
        const row = await loadOrgInScope(this.ctx, id, { kind: 'all' });
        added = { ...candidateOf(row), parentName: parent?.name ?? null, parentPath: parent?.path ?? null };
      } catch (e) {
        const problem = rowProblemOf(e);
        if (problem) return problem;
        throw e;
      }
    } else {
      // A dry run pretends: later rows may name this org as their parent.
      this.virtualIds += 1;
      added = {
        id: -this.virtualIds,
        path: `${parent?.path ?? '/'}~${this.virtualIds}/`,
        depth: (parent?.depth ?? -1) + 1,
        name: r.name,
        shortName: r.shortName ?? null,
        type,
        parentId: parent?.id ?? null,
        parentName: parent?.name ?? null,
        parentPath: parent?.path ?? null,
        version: 1,
        category,
        establishedOn: r.establishedOn ?? null,
      };
    }
    this.resolver.add(added);
    this.report.created += 1;
    return null;
  }
}

/** Remembers the names of a failed row (first row wins), so that rows naming it as parent can say why they failed. */
function markFailed(failedNames: Map<string, number>, r: OrgRowInput) {
  for (const n of [r.name, r.shortName]) if (n && !failedNames.has(n)) failedNames.set(n, r.row);
}

function candidateOf(row: Awaited<ReturnType<typeof loadOrgInScope>>): OrgCandidate {
  return {
    id: row.id,
    path: row.path,
    depth: row.depth,
    name: row.name,
    shortName: row.shortName,
    type: row.type,
    parentId: row.parentId,
    parentName: null,
    parentPath: null,
    version: row.version,
    category: row.category,
    establishedOn: row.establishedOn,
  };
}

/**
 * Imports an org tree in the caller's scope (`import.orgs`). Rows name their parent by full or
 * short name (blank: top level, administrators only); an org matches an existing one by name under
 * the same parent. Each org is written through the orgs service (its own short transaction and
 * audit entry); atomic mode validates first and then writes everything in one transaction.
 */
export async function importOrgs(
  ctx: ServiceContext,
  filePath: string,
  options: ImportRunOptions,
): Promise<ImportOutcome> {
  const scope = requireScope(ctx.actor, 'import.orgs');
  const progress = (share: number, offset: number) => async (processed: number, total: number) => {
    await options.onProgress?.(Math.floor(offset * total + share * processed), total);
  };
  const outcome = (pass: OrgsPass, isRejected = false): ImportOutcome => ({
    report: pass.report.toReport(isRejected),
    isRejected,
    errorRows: pass.report.errorRows,
  });
  if (options.mode !== 'atomic') {
    const pass = new OrgsPass(ctx, scope, options.mode === 'default');
    await pass.run(filePath, options, progress(1, 0));
    return outcome(pass);
  }
  const check = new OrgsPass(ctx, scope, false);
  await check.run(filePath, options, progress(0.5, 0));
  if (check.report.hasErrors) return outcome(check, true);
  const rollback = new Error('atomic import found errors');
  const written: { pass?: OrgsPass } = {};
  try {
    await inTransaction(ctx, async (tx) => {
      const pass = new OrgsPass(tx, scope, true);
      written.pass = pass;
      await pass.run(filePath, options, progress(0.5, 0.5));
      if (pass.report.hasErrors) throw rollback;
      // Default mode writes each org in its own transaction (orgs service); runImport records it after.
      await options.finish?.(tx, outcome(pass));
    });
  } catch (e) {
    if (e !== rollback || !written.pass) throw e;
    return outcome(written.pass, true);
  }
  if (!written.pass) throw new Error('atomic pass did not run');
  return outcome(written.pass);
}
