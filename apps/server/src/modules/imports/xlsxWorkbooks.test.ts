import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { MEMBER_COLUMNS, ORG_COLUMNS } from './templateColumns.ts';
import { readWorkbook } from './testWorkbook.ts';
import { buildErrorWorkbook, buildTemplate, dateCell, streamWorkbook } from './xlsxWorkbooks.ts';

describe('streamWorkbook', () => {
  it('writes the header and rows, escaping text that begins with = + - @', async () => {
    const columns = ORG_COLUMNS;
    const rows = [
      ['=HYPERLINK("http://evil","点我")', '+1', '-2', '@SUM(A1)', '党支部', dateCell('2015-07-01')],
      ['第一党支部', null, null, null, null, null],
    ];
    const data = await buffer(streamWorkbook('组织机构', columns, Readable.from([rows])));
    const sheet = (await readWorkbook(data)).get('组织机构') ?? [];
    expect(sheet[0]).toEqual(columns.map((c) => c.header));
    expect(sheet[1]?.slice(0, 5)).toEqual([
      '\'=HYPERLINK("http://evil","点我")',
      "'+1",
      "'-2",
      "'@SUM(A1)",
      '党支部',
    ]);
    expect(sheet[1]?.[5]).toEqual(new Date('2015-07-01T00:00:00Z'));
    expect(sheet[2]?.[0]).toBe('第一党支部');
  });
});

describe('buildTemplate', () => {
  it('has exactly the template headers, an example sheet and a 填写说明 sheet with allowed values', async () => {
    const sheets = await readWorkbook(await buildTemplate('members'));
    expect([...sheets.keys()]).toEqual(['党员名册', '示例', '填写说明']);
    expect(sheets.get('党员名册')?.[0]).toEqual(MEMBER_COLUMNS.map((c) => c.header));
    expect(sheets.get('示例')?.[1]?.[0]).toBe('张三');
    const guide = JSON.stringify(sheets.get('填写说明'));
    for (const value of ['汉族', '维吾尔族', '大学本科', '正式党员', '预备党员', '公民身份号码'])
      expect(guide).toContain(value);
    const orgSheets = await readWorkbook(await buildTemplate('orgs'));
    expect(orgSheets.get('组织机构')?.[0]).toEqual(ORG_COLUMNS.map((c) => c.header));
    const orgGuide = JSON.stringify(orgSheets.get('填写说明'));
    for (const value of ['党支部', '基层党委', '党小组', '农村', '非公有制企业'])
      expect(orgGuide).toContain(value);
  });
});

describe('buildErrorWorkbook', () => {
  it('lists 行号, 列, 错误码, 说明', async () => {
    const data = await buildErrorWorkbook([
      { row: 7, column: '公民身份号码', code: 'ID_CHECKSUM', message: '第 7 行「公民身份号码」：校验位错误' },
    ]);
    const sheet = (await readWorkbook(data)).get('错误报告');
    expect(sheet).toEqual([
      ['行号', '列', '错误码', '说明'],
      [7, '公民身份号码', 'ID_CHECKSUM', '第 7 行「公民身份号码」：校验位错误'],
    ]);
  });
});
