import type { Member, Org } from '@zhibu/shared/api';
import { citizenId, type TestApp, USER_PASSWORD, unique } from './testApp.ts';

export interface CountyFixture {
  county: Org;
  townA: Org;
  townB: Org;
  branchA1: Org;
  branchA2: Org;
  branchB1: Org;
  membersA1: Member[];
  membersA2: Member[];
  membersB1: Member[];
  cookies: { admin: string; orgAdminA: string; officerA1: string; memberA1: string };
  usernames: { orgAdminA: string; officerA1: string; memberA1: string };
}

async function createOrg(t: TestApp, cookie: string, body: Record<string, unknown>): Promise<Org> {
  const res = await t.call<Org>('POST', '/api/v1/orgs', { cookie, body });
  if (res.status !== 201) throw new Error(`create org failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

let seq = 101;
/** Creates a member through the API (valid by default; override any field). */
export async function createMember(
  t: TestApp,
  cookie: string,
  org: Org,
  overrides: Record<string, unknown> = {},
) {
  seq = seq >= 997 ? 101 : seq + 2;
  const body = {
    orgId: org.id,
    name: '张三',
    idNumber: citizenId('1980-05-17', seq),
    status: 'full',
    joinedOn: '2005-07-01',
    confirmedOn: '2006-07-01',
    ethnicity: '汉族',
    education: '本科',
    phone: '13800138000',
    ...overrides,
  };
  const res = await t.call<Member>('POST', '/api/v1/members', { cookie, body });
  if (res.status !== 201) throw new Error(`create member failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function createUser(t: TestApp, cookie: string, role: string, org: Org) {
  const username = unique(role.replace('_', ''));
  const res = await t.call('POST', '/api/v1/users', {
    cookie,
    body: { username, displayName: username, password: USER_PASSWORD, role, orgId: org.id },
  });
  if (res.status !== 201) throw new Error(`create user failed: ${JSON.stringify(res.body)}`);
  return username;
}

/**
 * A county with two townships; township A has branches A1 and A2, township B has B1; members in
 * each; an org_admin on A, an officer on A1 and a member-role user on A1.
 */
export async function buildCountyFixture(t: TestApp): Promise<CountyFixture> {
  const admin = await t.adminCookie();
  const county = await createOrg(t, admin, {
    parentId: null,
    name: unique('中共测试县委员会'),
    shortName: unique('测试县委'),
    type: 'party_committee',
    category: 'government',
  });
  const townA = await createOrg(t, admin, {
    parentId: county.id,
    name: unique('中共甲镇委员会'),
    shortName: unique('甲镇党委'),
    type: 'party_committee',
    category: 'rural',
  });
  const townB = await createOrg(t, admin, {
    parentId: county.id,
    name: unique('中共乙镇委员会'),
    shortName: unique('乙镇党委'),
    type: 'party_committee',
    category: 'rural',
  });
  const branchA1 = await createOrg(t, admin, {
    parentId: townA.id,
    name: unique('甲一村党支部'),
    type: 'branch',
    category: 'rural',
  });
  const branchA2 = await createOrg(t, admin, {
    parentId: townA.id,
    name: unique('甲二村党支部'),
    type: 'branch',
    category: 'rural',
  });
  const branchB1 = await createOrg(t, admin, {
    parentId: townB.id,
    name: unique('乙一村党支部'),
    type: 'branch',
    category: 'rural',
  });
  const membersA1 = [
    await createMember(t, admin, branchA1, { name: '李四', idNumber: citizenId('1950-01-02', 11) }),
    await createMember(t, admin, branchA1, {
      name: '王芳',
      idNumber: citizenId('1990-03-04', 22),
      status: 'probationary',
      joinedOn: '2026-03-01',
      confirmedOn: null,
    }),
  ];
  const membersA2 = [
    await createMember(t, admin, branchA2, { name: '赵六', idNumber: citizenId('1975-06-07', 33) }),
  ];
  const membersB1 = [
    await createMember(t, admin, branchB1, { name: '孙七', idNumber: citizenId('1968-08-09', 45) }),
  ];
  const usernames = {
    orgAdminA: await createUser(t, admin, 'org_admin', townA),
    officerA1: await createUser(t, admin, 'officer', branchA1),
    memberA1: await createUser(t, admin, 'member', branchA1),
  };
  return {
    county,
    townA,
    townB,
    branchA1,
    branchA2,
    branchB1,
    membersA1,
    membersA2,
    membersB1,
    usernames,
    cookies: {
      admin,
      orgAdminA: await t.login(usernames.orgAdminA),
      officerA1: await t.login(usernames.officerA1),
      memberA1: await t.login(usernames.memberA1),
    },
  };
}
