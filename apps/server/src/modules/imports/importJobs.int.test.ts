import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../access/actor.ts';
import type { Database } from '../../db/createDatabase.ts';
import { PersonalDataCipher } from '../../lib/personalDataCipher.ts';
import { rowsOf, type ServiceContext } from '../../lib/serviceContext.ts';
import { citizenId } from '../../testing/testApp.ts';
import { createTestDatabase } from '../../testing/testDatabase.ts';
import { getImportJob, ImportJobRunner, jobDto, runImport } from './imports.service.ts';
import { inspectXlsx } from './inspectXlsx.ts';
import { tempFolder, workbookBuffer } from './testWorkbook.ts';

// A process killed right after an import's last commit: the hook below never returns, so nothing
// the job runner would do after the import (in this process) ever happens.
let database: Database;
let ctx: ServiceContext;
let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, actor: cliActor(), cipher: new PersonalDataCipher(randomBytes(32)) };
  folder = await tempFolder();
});
afterEach(async () => {
  await database.close();
  await folder.remove();
});

const silent = { error: () => {} };

async function file(name: string, rows: unknown[][]): Promise<string> {
  const path = join(folder.path, name);
  await writeFile(path, await workbookBuffer([{ rows }]));
  return path;
}

/** Starts an import whose process "dies" right after the import returns; resolves at that moment. */
async function importThenDie(kind: 'orgs' | 'members', mode: 'default' | 'atomic', path: string) {
  let reached: () => void = () => {};
  const died = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const runner = new ImportJobRunner(silent, {
    afterImport: () => {
      reached();
      return new Promise<void>(() => {});
    },
  });
  const job = await runner.start(ctx, {
    kind,
    mode,
    filePath: path,
    fileName: 'x.xlsx',
    inspection: await inspectXlsx(path),
  });
  await died;
  return getImportJob(ctx, job.id);
}

const ORG_HEADER = ['上级组织', '组织名称', '组织简称', '组织类型', '组织类别', '成立日期'];

describe('import job bookkeeping', () => {
  it('records an atomic import as done in the transaction that wrote its rows', async () => {
    const path = await file('orgs.xlsx', [
      ORG_HEADER,
      ['', '中共测试县委员会', '测试县委', '基层党委', '机关', '2001-07-01'],
      ['测试县委', '中共测试县测试镇委员会', '测试镇党委', '基层党委', '农村', '2001-07-01'],
    ]);
    const job = await importThenDie('orgs', 'atomic', path);
    expect(job.status).toBe('done');
    expect(job.report).toMatchObject({ total: 2, created: 2, errors: [] });
    const [audit] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from audit_log where action = 'import.orgs'`),
    );
    expect(audit?.n).toBe(1);
  });

  it('records a default-mode member import as done with its last chunk', async () => {
    const orgsFile = await file('orgs.xlsx', [
      ORG_HEADER,
      ['', '中共测试县委员会', '测试县委', '基层党委', '机关', '2001-07-01'],
      ['测试县委', '中共测试县甲村支部委员会', '甲村党支部', '党支部', '农村', '2001-07-01'],
    ]);
    await runImport(ctx, { kind: 'orgs', mode: 'atomic', filePath: orgsFile, fileName: 'orgs.xlsx' });
    const path = await file('members.xlsx', [
      ['姓名', '公民身份号码', '党员类型', '入党日期', '转正日期', '所在党组织'],
      ['张三', citizenId('1970-01-01', 11), '正式党员', '2000-07-01', '2001-07-01', '甲村党支部'],
      ['李四', citizenId('1971-01-01', 13), '正式党员', '2000-07-01', '2001-07-01', '甲村党支部'],
    ]);
    const job = await importThenDie('members', 'default', path);
    expect(job.status, job.error ?? '').toBe('done');
    expect(job.report).toMatchObject({ total: 2, created: 2 });
  });

  it('tells an atomic import cut off by a restart that nothing was written', () => {
    const row = {
      id: 1,
      kind: 'import.members',
      status: 'running',
      userId: null,
      total: 10,
      processed: 5,
      params: { kind: 'members', mode: 'atomic' },
      result: null,
      error: null,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      finishedAt: null,
    };
    const later = new Date('2026-01-02T00:00:00Z');
    expect(jobDto(row, later)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('没有写入任何数据'),
    });
    expect(jobDto(row, later).error).not.toContain('已写入的行会保留');
    const byRows = jobDto({ ...row, params: { kind: 'members', mode: 'default' } }, later);
    expect(byRows.error).toContain('已写入的行会保留');
  });
});
