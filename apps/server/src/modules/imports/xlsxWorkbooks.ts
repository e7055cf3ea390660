import { PassThrough, type Readable } from 'node:stream';
import {
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  type ImportRowError,
  MEMBER_STATUSES,
  ORG_CATEGORIES,
  ORG_TYPES,
} from '@zhibu/shared';
import ExcelJS from 'exceljs';
import { escapeFormulaText } from './cellValue.ts';
import { type ColumnSpec, MEMBER_COLUMNS, ORG_COLUMNS } from './templateColumns.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Value of an exported cell: text is escaped against formula injection; dates are real Excel dates. */
export type CellOut = string | number | Date | null;

/** Content-Disposition for a Chinese file name (RFC 6266 / 5987), with an ASCII fallback. */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** An ISO date as an Excel date cell value (exceljs writes UTC midnight as that calendar day). */
export function dateCell(iso: string | null): Date | null {
  return iso === null ? null : new Date(`${iso}T00:00:00Z`);
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };
const TEXT_FIELDS = new Set(['idNumber', 'phone']);
const DATE_FIELDS = new Set(['birthDate', 'joinedOn', 'confirmedOn', 'establishedOn']);

function outCell(value: CellOut): CellOut {
  return typeof value === 'string' ? escapeFormulaText(value) : value;
}

function styleHeaderRow(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

function columnStyle(field: string): Partial<ExcelJS.Style> {
  if (TEXT_FIELDS.has(field)) return { numFmt: '@' };
  if (DATE_FIELDS.has(field)) return { numFmt: 'yyyy-mm-dd' };
  return {};
}

/**
 * Streams a one-sheet workbook: a header row, then rows from `batches` as they come, so a 10⁵-row
 * export never sits in memory. Text cells are escaped (escapeFormulaText). Errors end the stream.
 */
export function streamWorkbook(
  sheetName: string,
  columns: readonly ColumnSpec[],
  batches: AsyncIterable<CellOut[][]>,
): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.field, width: c.width, style: columnStyle(c.field) }));
  (async () => {
    const header = sheet.addRow(columns.map((c) => c.header));
    styleHeaderRow(header);
    header.commit();
    for await (const batch of batches) {
      for (const values of batch) sheet.addRow(values.map(outCell)).commit();
      // Let the zip stream drain before producing more (bounded memory for slow clients).
      if (output.writableNeedDrain) await new Promise((resolve) => output.once('drain', resolve));
    }
    sheet.commit();
    await workbook.commit();
  })().catch((e: unknown) => output.destroy(e instanceof Error ? e : new Error(String(e))));
  return output;
}

/** Allowed values listed in a template's 填写说明 sheet (and offered as drop-downs). */
const MEMBER_LISTS: { field: string; title: string; values: readonly string[] }[] = [
  { field: 'gender', title: '性别', values: GENDERS.map((g) => g.name) },
  { field: 'ethnicity', title: '民族', values: ETHNICITIES.map((e) => e.name) },
  { field: 'education', title: '学历', values: EDUCATION_LEVELS.map((e) => e.name) },
  { field: 'status', title: '党员类型', values: MEMBER_STATUSES.map((s) => s.name) },
];
const ORG_LISTS: { field: string; title: string; values: readonly string[] }[] = [
  { field: 'type', title: '组织类型', values: ORG_TYPES.map((t) => t.name) },
  { field: 'category', title: '组织类别', values: ORG_CATEGORIES.map((c) => c.name) },
];

const TEMPLATE_ROWS = 5000;

/** exceljs keeps a sheet's validations keyed by address or range; its typings omit the collection. */
function validationsOf(sheet: ExcelJS.Worksheet): {
  add(range: string, validation: ExcelJS.DataValidation): void;
} {
  return (
    sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }
  ).dataValidations;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The import template: the data sheet (header row only, ID and phone columns formatted as text,
 * drop-downs for coded columns, a note on each header), a 示例 sheet with one example row, and a
 * 填写说明 sheet describing each column and listing the allowed values.
 */
export async function buildTemplate(kind: 'orgs' | 'members'): Promise<Buffer> {
  const columns: readonly ColumnSpec[] = kind === 'members' ? MEMBER_COLUMNS : ORG_COLUMNS;
  const lists = kind === 'members' ? MEMBER_LISTS : ORG_LISTS;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'zhibu';
  const data = workbook.addWorksheet(kind === 'members' ? '党员名册' : '组织机构', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const example = workbook.addWorksheet('示例');
  const guide = workbook.addWorksheet('填写说明');

  for (const sheet of [data, example]) {
    sheet.columns = columns.map((c) => ({ key: c.field, width: c.width, style: columnStyle(c.field) }));
    const header = sheet.addRow(columns.map((c) => c.header));
    styleHeaderRow(header);
  }
  columns.forEach((c, i) => {
    data.getCell(1, i + 1).note = `${c.header}：${c.note}`;
  });
  example.addRow(
    columns.map((c) => (DATE_FIELDS.has(c.field) && c.example ? dateCell(c.example) : c.example || null)),
  );

  guide.columns = [
    { width: 14 },
    { width: 8 },
    { width: 60 },
    { width: 2 },
    ...lists.map(() => ({ width: 16 })),
  ];
  const guideHeader = guide.addRow([
    '列名',
    '必填',
    '填写说明',
    '',
    ...lists.map((l) => `${l.title}（可选值）`),
  ]);
  styleHeaderRow(guideHeader);
  const height = Math.max(columns.length, ...lists.map((l) => l.values.length)) + 3;
  for (let i = 0; i < height; i += 1) {
    const spec = columns[i];
    const notes = [
      '表头可以在标题行下方；列的顺序不限；“序号”和其他列会被忽略；空行会跳过。',
      '日期可写成 2015-07-01、2015/7/1、2015.07.01、2015年7月1日 或 Excel 日期。',
      '同一文件重复导入不会产生重复记录：党员按公民身份号码匹配并更新。',
    ];
    const left = spec
      ? [spec.header, spec.isRequired ? '是' : '', spec.note]
      : ['', '', notes[i - columns.length] ?? ''];
    guide.addRow([...left, '', ...lists.map((l) => l.values[i] ?? null)]);
  }

  // Drop-downs that point at the lists (an inline list would exceed Excel's 255-character limit for 民族).
  lists.forEach((list, li) => {
    const columnIndex = columns.findIndex((c) => c.field === list.field);
    if (columnIndex < 0) return;
    const listColumn = columnLetter(5 + li);
    const range = `'填写说明'!$${listColumn}$2:$${listColumn}$${list.values.length + 1}`;
    const letter = columnLetter(columnIndex + 1);
    validationsOf(data).add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [range],
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An import's errors as a workbook (行号, 列, 错误码, 说明) for the user to work through. */
export async function buildErrorWorkbook(errors: readonly ImportRowError[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 8 }, { width: 14 }, { width: 24 }, { width: 80 }];
  styleHeaderRow(sheet.addRow(['行号', '列', '错误码', '说明']));
  for (const e of errors)
    sheet.addRow([e.row, escapeFormulaText(e.column), e.code, escapeFormulaText(e.message)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
