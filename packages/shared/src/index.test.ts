import { describe, expect, it } from 'vitest';
import * as shared from './index.ts';

// Other packages code against these names; a failure here means a public export moved or vanished.
describe('public exports', () => {
  it.each([
    'toHalfWidth',
    'normalizeCell',
    'normalizeName',
    'toLookupKey',
    'normalizeCitizenId',
    'parseCitizenId',
    'computeCheckChar',
    'maskCitizenId',
    'normalizePhone',
    'maskPhone',
    'parseDateInput',
    'formatDate',
    'isValidIsoDate',
    'compareIsoDate',
    'addYears',
    'addMonths',
    'addDays',
    'daysBetween',
    'ageOn',
    'todayInShanghai',
    'dateInShanghai',
    'createLookup',
    'createNameOf',
    'lookupEthnicity',
    'ethnicityName',
    'lookupEducation',
    'educationName',
    'lookupPoliticalStatus',
    'politicalStatusName',
    'lookupOrgType',
    'orgTypeName',
    'canHaveChild',
    'lookupOrgCategory',
    'orgCategoryName',
    'lookupMemberStatus',
    'memberStatusName',
    'lookupGender',
    'genderName',
    'lookupLeaveReason',
    'leaveReasonName',
  ])('%s is a function', (name) => {
    expect(typeof (shared as Record<string, unknown>)[name]).toBe('function');
  });

  it.each([
    ['ETHNICITIES', 'EthnicityCode'],
    ['EDUCATION_LEVELS', 'EducationCode'],
    ['POLITICAL_STATUSES', 'PoliticalStatusCode'],
    ['ORG_TYPES', 'OrgTypeCode'],
    ['ORG_CATEGORIES', 'OrgCategoryCode'],
    ['MEMBER_STATUSES', 'MemberStatusCode'],
    ['GENDERS', 'GenderCode'],
    ['LEAVE_REASONS', 'LeaveReasonCode'],
  ])('%s and its enum %s agree', (tableName, enumName) => {
    const table = (shared as Record<string, unknown>)[tableName] as readonly { code: string }[];
    const schema = (shared as Record<string, unknown>)[enumName] as { options: readonly string[] };
    expect([...schema.options].sort()).toEqual(table.map((e) => e.code).sort());
  });
});
