import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../../lib/serviceContext.ts';
import { workbookBuffer } from '../../modules/imports/testWorkbook.ts';
import { openDatabase } from '../openDatabase.ts';

// `zhibu import` as a user runs it, on a fresh data dir: it leaves a job row like a web upload's.
const bin = resolve(import.meta.dirname, '../../../bin/zhibu.mjs');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-cli-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('records a command line import as a job with its outcome', async () => {
  const file = join(dir, '组织.xlsx');
  writeFileSync(
    file,
    await workbookBuffer([
      {
        rows: [
          ['上级组织', '组织名称', '组织简称', '组织类型', '组织类别', '成立日期'],
          ['', '中共测试县委员会', '测试县委', '基层党委', '机关', '2001-07-01'],
        ],
      },
    ]),
  );
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'ZHIBU_DATA_DIR', 'ZHIBU_SECRET_KEY']) delete env[key];
  const data = join(dir, 'data');
  const run = spawnSync(process.execPath, [bin, 'import', 'orgs', file, '--atomic', '--data', data], {
    env,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('新增 1');
  const { database } = await openDatabase({ data });
  try {
    const jobs = rowsOf<{
      kind: string;
      status: string;
      params: { source?: string; mode?: string };
      processed: number;
    }>(await database.db.execute(sql`select kind, status, params, processed from jobs`));
    expect(jobs).toEqual([
      {
        kind: 'import.orgs',
        status: 'done',
        params: expect.objectContaining({ source: 'cli', mode: 'atomic' }),
        processed: 1,
      },
    ]);
  } finally {
    await database.close();
  }
}, 120_000);
