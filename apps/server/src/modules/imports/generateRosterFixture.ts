import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { addYears, computeCheckChar } from '@zhibu/shared';
import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS } from './templateColumns.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏海燕波斌宇浩凯健俊帆帅旭晨阳林峰琳雪梅婷慧颖';

/** A valid 18-digit citizen ID number that is different for every `i` below 3.6 million (born 1950–1959). */
export function fixtureIdNumber(
  i: number,
  gender: 'male' | 'female' = i % 2 === 0 ? 'male' : 'female',
): string {
  const day = Math.floor(i / 500);
  const birth = new Date(Date.UTC(1950, 0, 1) + day * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  // The sequence code's last digit is odd for men, even for women.
  const seq = String(((i % 500) * 2 + (gender === 'male' ? 1 : 0)) % 1000).padStart(3, '0');
  const first17 = `110105${ymd}${seq}`;
  return first17 + computeCheckChar(first17);
}

/** Birth date encoded in a fixture ID number. */
export function fixtureBirthDate(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** One valid roster row in template column order (values as a person would type them). */
export function fixtureMemberRow(i: number, orgName: string): Record<string, string | null> {
  const idNumber = fixtureIdNumber(i);
  const birth = fixtureBirthDate(idNumber);
  const joined = addYears(birth, 25);
  const isProbationary = i % 10 === 9;
  return {
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 === 0 ? '' : GIVEN[(i * 13) % GIVEN.length]}`,
    gender: Number(idNumber.charAt(16)) % 2 === 1 ? '男' : '女',
    idNumber,
    ethnicity: '汉族',
    birthDate: birth,
    education: ['大学本科', '大专', '高中', '硕士研究生'][i % 4] ?? null,
    status: isProbationary ? '预备党员' : '正式党员',
    joinedOn: joined,
    confirmedOn: isProbationary ? null : addYears(joined, 1),
    org: orgName,
    phone: `139${String(i).padStart(8, '0')}`,
    remark: null,
    nativePlace: null,
    workUnit: null,
    post: null,
    address: null,
  };
}

export interface RosterFixtureOptions {
  path: string;
  rows: number;
  /** Members are spread over these orgs (full or short names). */
  orgNames: readonly string[];
  /** Title rows above the header, as real rosters have. */
  titleRows?: readonly string[];
  /** First index, so that two fixtures can hold different people. */
  offset?: number;
}

/**
 * Writes a member roster with `rows` valid members, streaming (10⁵ rows in a couple of seconds).
 * Used by tests with small N and for the 10⁵-row measurement:
 *   node --import tsx apps/server/src/modules/imports/generateRosterFixture.ts OUT.xlsx 100000 第一党支部,第二党支部
 */
export async function generateRosterFixture(options: RosterFixtureOptions): Promise<void> {
  const output = createWriteStream(options.path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('党员名册');
  for (const title of options.titleRows ?? []) sheet.addRow([title]).commit();
  sheet.addRow(['序号', ...MEMBER_COLUMNS.map((c) => c.header)]).commit();
  const offset = options.offset ?? 0;
  for (let n = 0; n < options.rows; n += 1) {
    const i = offset + n;
    const row = fixtureMemberRow(i, options.orgNames[i % options.orgNames.length] ?? '');
    sheet.addRow([n + 1, ...MEMBER_COLUMNS.map((c) => row[c.field] ?? null)]).commit();
  }
  sheet.commit();
  await workbook.commit();
  await new Promise<void>((done, fail) => {
    if (output.writableFinished) done();
    else output.once('finish', () => done()).once('error', fail);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [path, rows, orgs] = process.argv.slice(2);
  if (!path || !rows) {
    console.error('用法：generateRosterFixture.ts OUT.xlsx ROWS [组织1,组织2,…]');
    process.exit(1);
  }
  const started = Date.now();
  await generateRosterFixture({ path, rows: Number(rows), orgNames: (orgs ?? '第一党支部').split(',') });
  console.log(`wrote ${rows} rows to ${path} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
