import {
  DUES_CATEGORIES,
  type DuesCategoryCode,
  type DuesMonthState,
  duesCategoryName,
  memberStatusName,
} from '@zhibu/shared';
import type { DuesSheetResponse, DuesSummaryResponse } from '@zhibu/shared/api';
import ExcelJS from 'exceljs';
import type { DuesStanding } from './duesStandings.ts';
import { monthStateOf } from './duesStandings.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition for a Chinese file name (RFC 6266 / 5987), with an ASCII fallback. */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

// Text that Excel would read as a formula (= + - @, and tab/CR that some readers strip first) is
// prefixed with an apostrophe, so a member named "=HYPERLINK(…)" stays text.
const FORMULA_START = /^[=+\-@\t\r]/;
export function safeText(text: string | null | undefined): string {
  if (!text) return '';
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const STATE_NAMES: Record<DuesMonthState, string> = {
  paid: '已交',
  partial: '未交足',
  unpaid: '未交',
  no_standard: '未核定标准',
  waived: '免交',
  not_due: '—',
};

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const MONEY = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
}

function title(sheet: ExcelJS.Worksheet, text: string, columns: number) {
  const row = sheet.addRow([safeText(text)]);
  row.font = { bold: true, size: 14 };
  sheet.mergeCells(row.number, 1, row.number, columns);
  row.alignment = { horizontal: 'center' };
}

/** The monthly collection sheet (党费收缴表) of an org, one row per member, with totals and a signature column. */
export async function buildCollectionWorkbook(sheetData: DuesSheetResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhibu';
  const ws = wb.addWorksheet(`${sheetData.month} 党费收缴`);
  const headers = [
    '序号',
    '姓名',
    '所在组织',
    '党员类别',
    '交纳类别',
    '党费基数（元）',
    '每月应交（元）',
    '本月实交（元）',
    '状态',
    '欠交月份（可补交期内）',
    '欠交金额（元）',
    '本人签名 / 备注',
  ];
  title(ws, `${sheetData.org.name} ${sheetData.month.replace('-', '年')}月 党费收缴表`, headers.length);
  styleHeader(ws.addRow(headers));
  ws.columns = [6, 12, 22, 10, 16, 14, 14, 14, 10, 22, 14, 18].map((width) => ({ width }));
  sheetData.rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      safeText(r.name),
      safeText(r.orgName),
      memberStatusName(r.status),
      r.category ? duesCategoryName(r.category as DuesCategoryCode) : '未核定',
      yuan(r.baseFen),
      yuan(r.standardFen),
      yuan(r.paidFen),
      STATE_NAMES[r.state],
      r.arrearsMonths.join('、'),
      r.arrearsFen > 0 ? yuan(r.arrearsFen) : null,
      '',
    ]);
  });
  const t = sheetData.totals;
  const total = ws.addRow([
    '合计',
    `${t.members} 人`,
    '',
    '',
    '',
    null,
    yuan(t.standardFen),
    yuan(t.paidFen),
    `已交 ${t.paidCount} 人`,
    `未交 ${t.unpaidCount} 人`,
    null,
    '',
  ]);
  total.font = { bold: true };
  for (const col of [6, 7, 8, 11]) ws.getColumn(col).numFmt = MONEY;
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.addRow([]);
  ws.addRow([
    `依据：《关于中国共产党党费收缴、使用和管理的规定》；补交党费一般不超过 ${sheetData.backPaymentMonths} 个月（第十二条）`,
  ]);
  ws.addRow(['收缴人：', '', '', '审核人：', '', '', '收缴日期：']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The yearly summary: the published monthly figures, and every member's payment for each month. */
export async function buildYearWorkbook(
  summary: DuesSummaryResponse,
  standings: DuesStanding[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhibu';
  const overview = wb.addWorksheet('党费收缴情况');
  const oHeaders = ['月份', '应交人数', '已交人数', '应交金额（元）', '实收金额（元）', '其中上缴中央（元）'];
  title(overview, `${summary.org.name} ${summary.year}年 党费收缴情况`, oHeaders.length);
  styleHeader(overview.addRow(oHeaders));
  overview.columns = [10, 12, 12, 16, 16, 18].map((width) => ({ width }));
  for (const m of summary.months) {
    overview.addRow([
      m.month,
      m.members,
      m.payers,
      yuan(m.standardFen),
      yuan(m.collectedFen),
      yuan(m.centreFen),
    ]);
  }
  const t = summary.totals;
  overview.addRow(['全年', null, null, yuan(t.standardFen), yuan(t.collectedFen), yuan(t.centreFen)]).font = {
    bold: true,
  };
  for (const col of [4, 5, 6]) overview.getColumn(col).numFmt = MONEY;

  const detail = wb.addWorksheet('党员明细');
  const months = summary.months.map((m) => m.month);
  const dHeaders = [
    '序号',
    '姓名',
    '所在组织',
    '交纳类别',
    '每月应交（元）',
    ...months.map((m) => `${Number(m.slice(5))}月`),
    '全年实交（元）',
  ];
  title(detail, `${summary.org.name} ${summary.year}年 党员党费交纳明细`, dHeaders.length);
  styleHeader(detail.addRow(dHeaders));
  detail.columns = [6, 12, 22, 16, 14, ...months.map(() => 9), 14].map((width) => ({ width }));
  standings.forEach((s, i) => {
    const paid = months.map((m) => {
      const { state, paidFen } = monthStateOf(s, m);
      if (paidFen !== 0) return yuan(paidFen);
      return state === 'unpaid' ? '未交' : state === 'waived' ? '免交' : null;
    });
    const sum = months.reduce((acc, m) => acc + (s.paidByMonth.get(m) ?? 0), 0);
    detail.addRow([
      i + 1,
      safeText(s.member.name),
      safeText(s.member.orgName),
      s.current ? duesCategoryName(s.current.category) : '未核定',
      yuan(s.current?.standardFen ?? null),
      ...paid,
      yuan(sum),
    ]);
  });
  for (let col = 5; col <= dHeaders.length; col++) detail.getColumn(col).numFmt = MONEY;
  detail.views = [{ state: 'frozen', ySplit: 2, xSplit: 2 }];
  const legend = wb.addWorksheet('说明');
  legend.addRow(['交纳类别']);
  for (const c of DUES_CATEGORIES) legend.addRow([c.code, c.name]);
  legend.addRow([]);
  legend.addRow([
    '实收金额含补交和自愿多交，已扣除冲正；自愿一次多交 1000 元以上的全额上缴中央（第十一条）。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
