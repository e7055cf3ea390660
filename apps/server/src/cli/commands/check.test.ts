import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { addDays, addYears, todayInShanghai } from '@zhibu/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/createDatabase.ts';

const run = promisify(execFile);
const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/zhibu.mjs');
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-check-'));
  const database = await createDatabase({ dataDir: join(dir, 'pglite') });
  const started = addDays(addYears(todayInShanghai(), -3), -1);
  await database.db.execute(sql`
    insert into orgs (id, parent_id, path, depth, name, name_pinyin, name_initials, type, category, term_started_on, term_years, secretary_name)
    values (1, null, '/1/', 0, '中共测试镇委员会', 'ceshi', 'cszwyh', 'party_committee', 'rural', '2024-01-01', 5, '甲'),
           (2, 1, '/1/2/', 1, '测试村党支部', 'ceshicun', 'cscdzb', 'branch', 'institution', ${started}, 3, null)`);
  await database.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zhibu check', () => {
  it('prints exactly the documented JSON array and exits 0', async () => {
    const { stdout } = await run('node', [bin, 'check', '--json', '--data', dir], { timeout: 60_000 });
    const items = JSON.parse(stdout) as Record<string, unknown>[];
    expect(Array.isArray(items)).toBe(true);
    for (const item of items) {
      expect(Object.keys(item)).toEqual([
        'rule',
        'citation',
        'severity',
        'orgId',
        'memberId',
        'message',
        'since',
        'due',
      ]);
    }
    expect(items.map((i) => i.rule)).toEqual(
      expect.arrayContaining(['B4.term-expired', 'B2.no-secretary', 'B1.branch-too-few']),
    );
    expect(items[0]?.severity).toBe('violation');
  }, 60_000);

  it('groups human output by org with citations, and narrows to --org', async () => {
    const { stdout } = await run('node', [bin, 'check', '--org', '测试村党支部', '--data', dir], {
      timeout: 60_000,
    });
    expect(stdout).toContain('■ 测试村党支部');
    expect(stdout).toContain('依据：《中国共产党基层组织选举工作条例》第三条');
    expect(stdout).not.toContain('■ 中共测试镇委员会');
  }, 60_000);
});
