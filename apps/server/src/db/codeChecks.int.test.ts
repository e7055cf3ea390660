import { OrgCategoryCode, OrgTypeCode } from '@zhibu/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/testDatabase.ts';
import type { Database } from './createDatabase.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

let nextId = 100;
function insertOrg(type: string, category: string) {
  nextId += 1;
  return database.db.execute(sql`
    insert into orgs (id, parent_id, path, depth, name, name_pinyin, name_initials, type, category)
    values (${nextId}, null, ${`/${nextId.toString(36)}/`}, 0, ${`组织${nextId}`}, 'zz', 'zz', ${type}, ${category})`);
}

/** The constraint a failed statement broke (drizzle wraps the driver's error in `cause`). */
async function violatedConstraint(statement: Promise<unknown>): Promise<string | undefined> {
  try {
    await statement;
  } catch (e) {
    const cause = (e as { cause?: { constraint?: string } }).cause ?? (e as { constraint?: string });
    return cause.constraint ?? String(e);
  }
  return undefined;
}

describe('CHECK constraints on code columns', () => {
  it('accept every code of the shared tables, 街道/乡镇 and 临时党委/临时党总支 included', async () => {
    for (const category of OrgCategoryCode.options) await insertOrg('branch', category);
    for (const type of OrgTypeCode.options) await insertOrg(type, 'street');
  });

  it('refuse a code no table knows, whichever way it is written', async () => {
    expect(await violatedConstraint(insertOrg('branch', '街道'))).toBe('orgs_category_check');
    expect(await violatedConstraint(insertOrg('party', 'rural'))).toBe('orgs_type_check');
    await insertOrg('branch', 'rural');
    const id = nextId;
    expect(
      await violatedConstraint(
        database.db.execute(sql`update orgs set category = 'village' where id = ${id}`),
      ),
    ).toBe('orgs_category_check');
    const member = sql`insert into members (org_id, org_path, name, name_pinyin, name_initials, gender,
        id_number_enc, id_number_hash, id_number_masked, birth_date, status, joined_on, ethnicity, education)
      values (${id}, ${`/${id.toString(36)}/`}, '张三', 'zhangsan', 'zs', `;
    const tail = (gender: string, status: string, ethnicity: string | null, education: string | null) =>
      sql`${member}${gender}, 'x', ${`h${gender}${status}${ethnicity}${education}`}, 'x', '1980-01-01', ${status}, '2000-07-01', ${ethnicity}, ${education})`;
    expect(await violatedConstraint(database.db.execute(tail('男', 'full', '01', '20')))).toBe(
      'members_gender_check',
    );
    expect(await violatedConstraint(database.db.execute(tail('male', 'formal', '01', '20')))).toBe(
      'members_status_check',
    );
    expect(await violatedConstraint(database.db.execute(tail('male', 'full', '1', '20')))).toBe(
      'members_ethnicity_check',
    );
    expect(await violatedConstraint(database.db.execute(tail('male', 'full', '01', '21')))).toBe(
      'members_education_check',
    );
    // Not recorded is allowed: the columns are nullable.
    await database.db.execute(tail('female', 'probationary', null, null));
  });
});
