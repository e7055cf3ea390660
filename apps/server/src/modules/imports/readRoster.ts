import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { AppError } from '../../lib/appError.ts';
import { type CellInput, toCellInput } from './cellValue.ts';
import { HEADER_SCAN_ROWS, type HeaderMatch, headerIndex, matchHeaderRow } from './headerRow.ts';
import { XLSX_LIMITS, type XlsxInspection } from './inspectXlsx.ts';
import type { ColumnSpec } from './templateColumns.ts';

/** One non-blank data row: Excel row number and the cells of the known columns present in the file. */
export interface RosterRow<F extends string> {
  row: number;
  cells: Partial<Record<F, CellInput>>;
}

export type RosterEvent<F extends string> =
  | { kind: 'header'; header: HeaderMatch<F>; sheetName: string; estimatedRows: number }
  | { kind: 'row'; row: RosterRow<F> }
  /** The row cap was reached at this row; nothing after it is read. */
  | { kind: 'tooManyRows'; row: number };

/**
 * Yields what `source` yields, but fails with FILE_INVALID when one step takes longer than `ms`:
 * a last guard so that a file the parser chokes on can never leave an import waiting forever.
 */
async function* stallGuard<T>(source: AsyncIterable<T>, ms: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const next = iterator.next();
    next.catch(() => undefined);
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('FILE_INVALID', '读取文件超时，文件可能已损坏')), ms);
    });
    let step: IteratorResult<T>;
    try {
      step = await Promise.race([next, stalled]);
    } finally {
      clearTimeout(timer);
    }
    if (step.done) return;
    yield step.value;
  }
}

/** Decodes a stream of byte chunks as UTF-8, carrying a character split across two chunks over. */
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type ReaderMethod = (this: unknown, ...args: unknown[]) => unknown;

/**
 * exceljs 4.4's streaming reader decodes every inflated chunk on its own, so a Chinese character
 * whose three bytes straddle two chunks turns into U+FFFD — silently, in names and everywhere
 * else. Its parsers accept text as well as bytes, so each entry is handed over already decoded.
 */
function decodeEntriesAsUtf8(reader: ExcelJS.stream.xlsx.WorkbookReader) {
  const methods = reader as unknown as Record<string, ReaderMethod | undefined>;
  const wrap = (name: string, adapt: (args: unknown[]) => unknown[]) => {
    const original = methods[name];
    if (typeof original !== 'function')
      throw new Error(`exceljs WorkbookReader.${name} is missing: check the UTF-8 fix`);
    methods[name] = function (this: unknown, ...args: unknown[]) {
      return original.apply(this, adapt(args));
    };
  };
  for (const name of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles']) {
    wrap(name, ([entry, ...rest]) => {
      (entry as NodeJS.ReadableStream).setEncoding('utf8');
      return [entry, ...rest];
    });
  }
  for (const name of ['_parseWorksheet', '_parseHyperlinks']) {
    wrap(name, ([iterator, ...rest]) => [decodeUtf8(iterator as AsyncIterable<Buffer | string>), ...rest]);
  }
}

interface SheetLike extends AsyncIterable<ExcelJS.Row> {
  id?: number | string;
  name?: string;
  state?: string;
}

/**
 * Streams a workbook and yields its header, then its non-blank data rows, from the first visible
 * sheet whose top rows hold a recognizable header (title rows above it are skipped). Every sheet is
 * read to its end so exceljs can clean up its temporary files; rows outside the data sheet are
 * dropped on the way. A row counts as blank when none of the known columns has a value, so a
 * pre-numbered 序号 column does not make a row.
 */
export async function* readRoster<F extends string>(
  filePath: string,
  specs: readonly ColumnSpec<F>[],
  options: { inspection?: XlsxInspection; maxRows: number; stallMs?: number },
): AsyncGenerator<RosterEvent<F>> {
  const index = headerIndex(specs);
  const input = createReadStream(filePath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Hyperlinked cells keep their shown text; styles tell date cells from numbers.
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  decodeEntriesAsUtf8(reader);
  let header: HeaderMatch<F> | null = null;
  let isDone = false;
  let dataRows = 0;
  try {
    const stallMs = options.stallMs ?? XLSX_LIMITS.stallMs;
    for await (const worksheet of stallGuard(reader as AsyncIterable<SheetLike>, stallMs)) {
      const isDataSheetCandidate =
        header === null && worksheet.state !== 'hidden' && worksheet.state !== 'veryHidden';
      let lastRow = 0;
      for await (const row of stallGuard(worksheet, stallMs)) {
        const rowNumber = Number.isSafeInteger(row.number) && row.number > lastRow ? row.number : lastRow + 1;
        lastRow = rowNumber;
        if (isDone || !isDataSheetCandidate) continue;
        const values = row.values as unknown[];
        if (header === null) {
          if (rowNumber > HEADER_SCAN_ROWS) continue;
          header = matchHeaderRow(values, specs, rowNumber, index);
          if (header) {
            const tags = options.inspection?.sheetRows.get(Number(worksheet.id)) ?? 0;
            yield {
              kind: 'header',
              header,
              sheetName: worksheet.name ?? '',
              estimatedRows: Math.max(0, tags - rowNumber),
            };
            if (header.missing.length > 0) isDone = true;
          }
          continue;
        }
        const cells: Partial<Record<F, CellInput>> = {};
        let hasValue = false;
        for (const [field, column] of header.columns) {
          const value = toCellInput(values[column]);
          cells[field] = value;
          if (value !== null) hasValue = true;
        }
        if (!hasValue) continue;
        dataRows += 1;
        if (dataRows > options.maxRows) {
          yield { kind: 'tooManyRows', row: rowNumber };
          isDone = true;
          continue;
        }
        yield { kind: 'row', row: { row: rowNumber, cells } };
      }
      if (header !== null) isDone = true;
    }
  } finally {
    input.destroy();
  }
}
