import { describe, expect, it } from 'vitest';
import {
  ABROAD,
  AWAY_SIX_MONTHS,
  checkFlowingGroup,
  checkSuspension,
  type FlowingFacts,
  LOST_CONTACT,
  REGULAR_CONTACT,
} from './flowing.rules.ts';

const base: FlowingFacts = {
  id: 1,
  direction: 'out',
  status: 'active',
  memberId: 7,
  orgId: 3,
  name: '何外出',
  since: '2026-03-01',
  isFixedPlace: true,
  isAbroad: false,
  isSettledAbroad: false,
  lostContactSince: null,
  lastContactOn: null,
  hasTransferSince: false,
};

describe('T1 away six months at a fixed place → transfer', () => {
  const p = { months: 6 };
  it('starts on the day 6 months are reached', () => {
    expect(AWAY_SIX_MONTHS.find(base, '2026-08-31', p)).toBeNull();
    expect(AWAY_SIX_MONTHS.find(base, '2026-09-01', p)?.dueOn).toBe('2026-09-01');
    expect(AWAY_SIX_MONTHS.find(base, '2026-09-02', p)?.message).toContain('应转接组织关系');
  });

  it('not for uncertain places, abroad, returned members, or once a transfer has started', () => {
    const later = '2026-12-01';
    expect(AWAY_SIX_MONTHS.find({ ...base, isFixedPlace: false }, later, p)).toBeNull();
    expect(AWAY_SIX_MONTHS.find({ ...base, isAbroad: true }, later, p)).toBeNull();
    expect(AWAY_SIX_MONTHS.find({ ...base, status: 'returned' }, later, p)).toBeNull();
    expect(AWAY_SIX_MONTHS.find({ ...base, hasTransferSince: true }, later, p)).toBeNull();
    expect(AWAY_SIX_MONTHS.find({ ...base, direction: 'in' }, later, p)).toBeNull();
  });
});

describe('T2 regular contact', () => {
  it('asks for contact when the last one (or the departure) is more than the period ago', () => {
    const p = { months: 3 };
    expect(REGULAR_CONTACT.find(base, '2026-06-01', p)).toBeNull();
    expect(REGULAR_CONTACT.find(base, '2026-06-02', p)?.rule.id).toBe('T2.regular-contact');
    expect(REGULAR_CONTACT.find({ ...base, lastContactOn: '2026-05-10' }, '2026-08-10', p)).toBeNull();
    expect(REGULAR_CONTACT.find({ ...base, lostContactSince: '2026-04-01' }, '2026-12-01', p)).toBeNull();
  });
});

describe('T3 lost contact, abroad → 停止党籍', () => {
  it('warns from the day 6 months without contact are reached', () => {
    const lost = { ...base, lostContactSince: '2026-05-01' };
    expect(LOST_CONTACT.find(lost, '2026-10-31', { months: 6 })).toBeNull();
    expect(LOST_CONTACT.find(lost, '2026-11-01', { months: 6 })?.message).toContain('应按规定停止党籍');
  });

  it('abroad: settled at once; otherwise more than 5 years', () => {
    const abroad = { ...base, isAbroad: true, since: '2020-03-01' };
    expect(ABROAD.find(abroad, '2025-03-01', { years: 5 })).toBeNull();
    expect(ABROAD.find(abroad, '2025-03-02', { years: 5 })?.dueOn).toBe('2025-03-02');
    expect(
      ABROAD.find({ ...abroad, isSettledAbroad: true, since: '2026-01-01' }, '2026-01-02', { years: 5 }),
    ).not.toBeNull();
  });

  it('suspension is allowed only after 6 months lost, when settled abroad, or abroad over 5 years', () => {
    const p = { lostMonths: 6, abroadYears: 5 };
    expect(checkSuspension({ ...base, lostContactSince: '2026-05-01' }, '2026-10-31', p)?.rule.id).toBe(
      'T3.lost-contact',
    );
    expect(checkSuspension({ ...base, lostContactSince: '2026-05-01' }, '2026-11-01', p)).toBeNull();
    expect(checkSuspension(base, '2026-11-01', p)?.message).toContain('请先登记失去联系');
    expect(checkSuspension({ ...base, isAbroad: true, isSettledAbroad: true }, '2026-04-01', p)).toBeNull();
    expect(checkSuspension({ ...base, isAbroad: true, since: '2020-03-01' }, '2025-03-01', p)).not.toBeNull();
    expect(checkSuspension({ ...base, isAbroad: true, since: '2020-03-01' }, '2025-03-02', p)).toBeNull();
  });
});

describe('T2 flowing members together at one place → a branch or group', () => {
  const host = {
    orgId: 5,
    orgName: '某社区党支部',
    orgType: 'branch',
    arrivals: ['2026-05-01', '2026-03-01'],
  };
  const p = { minMembers: 3 };
  it('from the third in-flowing member on, dated when the third arrived (2 no, 3 yes)', () => {
    expect(checkFlowingGroup(host, p)).toBeNull();
    const three = checkFlowingGroup({ ...host, arrivals: [...host.arrivals, '2026-04-01'] }, p);
    expect(three).toMatchObject({ severity: 'info', since: '2026-05-01' });
    expect(three?.message).toContain('流入党员 3 人');
  });
  it('not for an org that is already their group or flowing-members branch', () => {
    const arrivals = ['2026-01-01', '2026-02-01', '2026-03-01'];
    expect(checkFlowingGroup({ ...host, orgType: 'group', arrivals }, p)).toBeNull();
    expect(checkFlowingGroup({ ...host, orgName: '某园区流动党员党支部', arrivals }, p)).toBeNull();
  });
});
