import { deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/appError.ts';
import { inspectXlsx, XLSX_LIMITS } from './inspectXlsx.ts';
import { tempFolder, workbookBuffer } from './testWorkbook.ts';

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => {
  folder = await tempFolder();
});
afterEach(() => folder.remove());

async function rejection(path: string, limits = XLSX_LIMITS) {
  try {
    await inspectXlsx(path, limits);
  } catch (e) {
    return e;
  }
  throw new Error('expected FILE_INVALID');
}

/** A one-entry zip whose entry claims `name`, deflated, with sizes in the local header. */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0, 6);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(0, 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, Buffer.from(name), data]);
}

describe('inspectXlsx', () => {
  it('counts worksheet rows of a real workbook', async () => {
    const file = await folder.file(
      'ok.xlsx',
      await workbookBuffer([{ rows: [['a'], ['b'], ['c']] }, { rows: [['x']] }]),
    );
    const inspection = await inspectXlsx(file);
    expect([...inspection.sheetRows.entries()]).toEqual([
      [1, 3],
      [2, 1],
    ]);
  });

  it.each([
    ['CSV text', Buffer.from('姓名,公民身份号码\n张三,110105194912310029\n')],
    [
      'an old .xls (OLE) file',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    ],
    ['an empty file', Buffer.alloc(0)],
    [
      'a zip signature followed by garbage',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 0xff)]),
    ],
    ['a zip without a workbook', zipOf('hello.txt', Buffer.from('hi'))],
  ])('rejects %s as FILE_INVALID', async (_label, data) => {
    const error = await rejection(await folder.file('bad.xlsx', data));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FILE_INVALID');
  });

  it('rejects a truncated workbook', async () => {
    const whole = await workbookBuffer([{ rows: [['a', 'b']] }]);
    const error = await rejection(
      await folder.file('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2))),
    );
    expect((error as AppError).code).toBe('FILE_INVALID');
  });

  it('rejects an entry that inflates beyond the limit (zip bomb) without inflating it all', async () => {
    // 64 MiB of zeros deflate to about 64 KiB.
    const bomb = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024));
    const error = await rejection(await folder.file('bomb.xlsx', bomb), {
      ...XLSX_LIMITS,
      maxSheetBytes: 1024 * 1024,
    });
    expect((error as AppError).code).toBe('FILE_INVALID');
    expect((error as AppError).detail).toContain('压缩炸弹');
  }, 30_000);
});
