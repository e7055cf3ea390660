import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Readable, Writable } from 'node:stream';
import { AppError } from '../../lib/appError.ts';

/** Bounds that keep a hostile file (zip bomb, endless rows) from exhausting memory or time. */
export interface XlsxLimits {
  /** Data rows read from one import; later rows are reported, not read. */
  maxRows: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed bytes of one worksheet. */
  maxSheetBytes: number;
  /** Uncompressed bytes of the shared-strings table (held in memory while reading). */
  maxSharedStringsBytes: number;
  /** Uncompressed bytes of any other entry (styles, workbook, themes …). */
  maxOtherEntryBytes: number;
  maxEntries: number;
  /** A read that makes no progress for this long is abandoned (a last guard against a stuck parser). */
  stallMs: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxRows: 200_000,
  maxTotalBytes: 600 * 1024 * 1024,
  maxSheetBytes: 300 * 1024 * 1024,
  maxSharedStringsBytes: 100 * 1024 * 1024,
  maxOtherEntryBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  stallMs: 300_000,
};

export interface XlsxInspection {
  /** `<row>` elements per worksheet file number (xl/worksheets/sheetN.xml): the progress estimate. */
  sheetRows: Map<number, number>;
  uncompressedBytes: number;
}

// exceljs reads xlsx with unzipper's sequential parser; inspecting with the same parser means the
// limits apply to exactly the bytes exceljs will later see (a central directory can lie).
interface ZipEntry extends Readable {
  path: string;
  autodrain(): unknown;
}
type ZipParser = Writable & AsyncIterable<ZipEntry>;
const unzipper = createRequire(import.meta.url)('unzipper') as {
  Parse(options: { forceStream: true }): ZipParser;
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const SHEET_ENTRY = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const ROW_TAG = Buffer.from('<row');

function invalid(detail: string): AppError {
  return new AppError('FILE_INVALID', detail);
}

/** Counts `<row` tags followed by whitespace, `>` or `/` across chunk boundaries. */
class RowTagCounter {
  count = 0;
  private tail = Buffer.alloc(0);

  push(chunk: Buffer) {
    const data = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    let at = data.indexOf(ROW_TAG);
    while (at !== -1 && at + ROW_TAG.length < data.length) {
      const next = data[at + ROW_TAG.length];
      if (
        next === 0x20 ||
        next === 0x3e ||
        next === 0x2f ||
        next === 0x09 ||
        next === 0x0a ||
        next === 0x0d
      ) {
        this.count += 1;
      }
      at = data.indexOf(ROW_TAG, at + 1);
    }
    // Keep enough bytes to finish a tag cut by the chunk boundary.
    this.tail = Buffer.from(data.subarray(Math.max(0, at === -1 ? data.length - ROW_TAG.length : at)));
  }
}

async function readMagic(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function entryLimit(path: string, limits: XlsxLimits): number {
  if (SHEET_ENTRY.test(path)) return limits.maxSheetBytes;
  if (path === 'xl/sharedStrings.xml') return limits.maxSharedStringsBytes;
  return limits.maxOtherEntryBytes;
}

/**
 * Checks that a file is an xlsx workbook a reader can safely stream, before any row is read: a zip
 * whose entries inflate without error and within the limits, holding a workbook and a worksheet.
 * Throws FILE_INVALID with a Chinese explanation otherwise (old .xls, CSV, encrypted, zip bomb …).
 */
export async function inspectXlsx(path: string, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxInspection> {
  const magic = await readMagic(path);
  if (magic.equals(OLE_MAGIC)) {
    throw invalid(
      '这是旧版 Excel（.xls）文件或已加密的文件，请在 Excel 中“另存为” .xlsx 格式（不设密码）后再导入',
    );
  }
  if (!magic.equals(ZIP_MAGIC)) {
    throw invalid('文件不是 Excel（.xlsx）格式；CSV、WPS 或 .xls 文件请先在表格软件中“另存为” .xlsx');
  }

  const source = createReadStream(path);
  const zip = unzipper.Parse({ forceStream: true });
  let current: ZipEntry | null = null;
  let zipError: Error | null = null;
  // A corrupt or truncated file errors on the parser, possibly between entries and while an entry
  // is still open: end every read so that nothing waits for data that will never come.
  zip.on('error', (e: unknown) => {
    zipError = e instanceof Error ? e : new Error(String(e));
    current?.destroy(zipError);
    zip.destroy(zipError);
  });
  source.on('error', (e) => zip.destroy(e));
  source.pipe(zip);
  let timer: NodeJS.Timeout | undefined;
  const watch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      zipError = invalid('读取文件超时，文件可能已损坏');
      current?.destroy(zipError);
      zip.destroy(zipError);
    }, limits.stallMs);
  };
  watch();
  const sheetRows = new Map<number, number>();
  let total = 0;
  let entries = 0;
  let hasWorkbook = false;
  try {
    for await (const entry of zip) {
      current = entry;
      if (zipError) throw zipError;
      entries += 1;
      if (entries > limits.maxEntries) throw invalid('文件内部结构异常（条目过多）');
      if (entry.path === 'xl/workbook.xml') hasWorkbook = true;
      const sheetNo = SHEET_ENTRY.exec(entry.path)?.[1];
      const counter = sheetNo === undefined ? null : new RowTagCounter();
      const limit = entryLimit(entry.path, limits);
      let size = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        size += chunk.length;
        total += chunk.length;
        if (size > limit || total > limits.maxTotalBytes) {
          throw invalid('文件解压后过大（可能是压缩炸弹），请拆分成多个文件后导入');
        }
        counter?.push(chunk);
        watch();
      }
      if (sheetNo !== undefined && counter) sheetRows.set(Number(sheetNo), counter.count);
      current = null;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid('文件已损坏或不是有效的 Excel（.xlsx）文件');
  } finally {
    clearTimeout(timer);
    source.destroy();
    zip.destroy();
  }
  if (!hasWorkbook || sheetRows.size === 0) throw invalid('文件中没有 Excel 工作表（不是有效的 .xlsx 文件）');
  return { sheetRows, uncompressedBytes: total };
}
