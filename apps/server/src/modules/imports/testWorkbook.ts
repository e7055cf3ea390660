import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportJob } from '@zhibu/shared/api';
import ExcelJS from 'exceljs';
import { SAME_ORIGIN, type TestApp } from '../../testing/testApp.ts';

/** A sheet for a test workbook: rows as exceljs values (rich text, formulas, dates …), optional merges. */
export interface TestSheet {
  name?: string;
  rows: unknown[][];
  merges?: string[];
  state?: 'visible' | 'hidden';
  /** Per column number format, e.g. { 3: '@' }. */
  numFmts?: Record<number, string>;
}

/** Builds an xlsx in memory, the way a person's spreadsheet would look (tests only; no binary fixtures). */
export async function workbookBuffer(sheets: TestSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const sheet = workbook.addWorksheet(s.name ?? `Sheet${i + 1}`, { state: s.state ?? 'visible' });
    for (const row of s.rows) sheet.addRow(row);
    for (const range of s.merges ?? []) sheet.mergeCells(range);
    for (const [column, numFmt] of Object.entries(s.numFmts ?? {}))
      sheet.getColumn(Number(column)).numFmt = numFmt;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads every sheet of an xlsx (not streaming) as rows of cell values, for assertions. */
export async function readWorkbook(buffer: Buffer | Uint8Array): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** A temporary folder removed by the returned cleanup. */
export async function tempFolder(): Promise<{
  path: string;
  file(name: string, data: Buffer): Promise<string>;
  remove(): Promise<void>;
}> {
  const path = await mkdtemp(join(tmpdir(), 'zhibu-imports-test-'));
  return {
    path,
    async file(name, data) {
      const file = join(path, name);
      await writeFile(file, data);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** A multipart/form-data body with one file field, for `app.inject`. */
export function multipartFile(
  field: string,
  fileName: string,
  data: Buffer,
  contentType = 'application/octet-stream',
) {
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * Uploads a workbook to `POST /imports/{kind}` as the cookie's user and waits for the job to end
 * (polling every 25 ms, at most 30 s); returns the finished job for the caller's assertions.
 */
export async function importThroughApi(
  t: TestApp,
  kind: 'orgs' | 'members',
  data: Buffer,
  cookie: string,
  mode: 'dryRun' | 'default' | 'atomic' = 'default',
): Promise<ImportJob> {
  const { payload, headers } = multipartFile('file', '名册.xlsx', data);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${kind}?mode=${mode}`,
    payload,
    headers: { ...headers, origin: SAME_ORIGIN, cookie },
  });
  if (res.statusCode !== 202) throw new Error(`import answered ${res.statusCode}: ${res.body}`);
  let job = res.json<ImportJob>();
  for (let i = 0; i < 1200 && job.status === 'running'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    job = (await t.call<ImportJob>('GET', `/api/v1/imports/jobs/${job.id}`, { cookie })).body;
  }
  return job;
}
