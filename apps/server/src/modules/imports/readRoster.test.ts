import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectXlsx, XLSX_LIMITS } from './inspectXlsx.ts';
import { type RosterEvent, readRoster } from './readRoster.ts';
import { MEMBER_COLUMNS, type MemberImportField } from './templateColumns.ts';
import { tempFolder, workbookBuffer } from './testWorkbook.ts';

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => {
  folder = await tempFolder();
});
afterEach(() => folder.remove());

async function events(file: string, maxRows = XLSX_LIMITS.maxRows) {
  const out: RosterEvent<MemberImportField>[] = [];
  const inspection = await inspectXlsx(file);
  for await (const e of readRoster(file, MEMBER_COLUMNS, { inspection, maxRows })) out.push(e);
  return out;
}

describe('readRoster', () => {
  it('finds the header below merged title rows and reads rows by header name', async () => {
    const file = await folder.file(
      'roster.xlsx',
      await workbookBuffer([
        {
          name: '花名册',
          rows: [
            ['中共示例街道工作委员会党员花名册'],
            ['填报单位：第一党支部'],
            ['序号', '所在党组织', '姓名', '公民身份号码', '党员类型', '入党日期', '爱好'],
            [
              1,
              '一支部',
              { richText: [{ text: '张' }, { text: '三' }] },
              '11010519491231002x',
              '正式党员',
              '1975-07-01',
              '读书',
            ],
            [2, null, null, null, null, null, '只有未知列'],
            [3],
            [
              4,
              '一支部',
              '李四',
              { formula: 'A1', result: '110105194912310011' },
              '预备',
              new Date(Date.UTC(2020, 0, 2)),
              null,
            ],
          ],
          merges: ['A1:G1', 'A2:G2'],
        },
      ]),
    );
    const all = await events(file);
    const header = all[0];
    expect(header?.kind).toBe('header');
    if (header?.kind !== 'header') return;
    expect(header.header.rowNumber).toBe(3);
    expect(header.sheetName).toBe('花名册');
    expect(header.estimatedRows).toBe(4);
    const rows = all.flatMap((e) => (e.kind === 'row' ? [e.row] : []));
    // Rows 5 and 6 hold nothing in a known column: skipped.
    expect(rows.map((r) => r.row)).toEqual([4, 7]);
    expect(rows[0]?.cells).toMatchObject({ name: '张三', idNumber: '11010519491231002x', org: '一支部' });
    expect(rows[1]?.cells.idNumber).toBe('110105194912310011');
    expect(rows[1]?.cells.joinedOn).toEqual(new Date(Date.UTC(2020, 0, 2)));
  });

  it('skips hidden sheets and sheets without a header', async () => {
    const header = ['姓名', '公民身份号码', '党员类型', '入党日期', '所在党组织'];
    const file = await folder.file(
      'sheets.xlsx',
      await workbookBuffer([
        { name: '说明', rows: [['请按模板填写'], ['姓名请写全名']] },
        { name: '隐藏', state: 'hidden', rows: [header, ['隐藏人', '1', '正式党员', '2000-01-01', 'x']] },
        { name: '数据', rows: [header, ['王五', '2', '正式党员', '2000-01-01', 'y']] },
        { name: '示例', rows: [header, ['示例人', '3', '正式党员', '2000-01-01', 'z']] },
      ]),
    );
    const rows = (await events(file)).flatMap((e) => (e.kind === 'row' ? [e.row.cells.name] : []));
    expect(rows).toEqual(['王五']);
  });

  it('stops at the row cap and says where', async () => {
    const rows: unknown[][] = [['姓名', '公民身份号码', '党员类型', '入党日期', '所在党组织']];
    for (let i = 0; i < 10; i += 1) rows.push([`人${i}`, String(i), '正式党员', '2000-01-01', 'x']);
    const file = await folder.file('many.xlsx', await workbookBuffer([{ rows }]));
    const all = await events(file, 4);
    expect(all.filter((e) => e.kind === 'row')).toHaveLength(4);
    expect(all.at(-1)).toEqual({ kind: 'tooManyRows', row: 6 });
  });

  it('yields nothing when no sheet has a header', async () => {
    const file = await folder.file(
      'none.xlsx',
      await workbookBuffer([
        {
          rows: [
            ['a', 'b'],
            [1, 2],
          ],
        },
      ]),
    );
    expect(await events(file)).toEqual([]);
  });
});

describe('readRoster on large files', () => {
  it('keeps Chinese text intact across the reader’s chunk boundaries', async () => {
    const { Readable } = await import('node:stream');
    const { createWriteStream } = await import('node:fs');
    const { pipeline } = await import('node:stream/promises');
    const { streamWorkbook } = await import('./xlsxWorkbooks.ts');
    // Inline strings (as our exports write them): tens of kilobytes of three-byte characters.
    const names = Array.from(
      { length: 3000 },
      (_, i) => `党员${'张王李赵刘陈杨黄'.charAt(i % 8)}${'伟芳娜敏静丽强磊'.charAt((i * 3) % 8)}${i}`,
    );
    const rows = names.map((name) =>
      MEMBER_COLUMNS.map((c) =>
        c.field === 'name' ? name : c.field === 'org' ? '中共示例街道第一党支部' : null,
      ),
    );
    const file = `${folder.path}/inline.xlsx`;
    await pipeline(
      streamWorkbook('党员名册', MEMBER_COLUMNS, Readable.from([rows])),
      createWriteStream(file),
    );
    const read = (await events(file)).flatMap((e) => (e.kind === 'row' ? [e.row.cells] : []));
    expect(read.map((c) => c.name)).toEqual(names);
    expect(read.every((c) => c.org === '中共示例街道第一党支部')).toBe(true);
  }, 30_000);
});
