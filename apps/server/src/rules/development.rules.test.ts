import { createWorkingDayCalendar } from '@zhibu/shared';
import { describe, expect, it } from 'vitest';
import { emptyState } from '../modules/development/pipelineState.ts';
import { builtinCalendarYears } from '../modules/development/workingDayCalendar.ts';
import {
  APPLICANT_AGE,
  activistReviewDueOn,
  candidateEarliestOn,
  checkActivistYear,
  checkApplicantAge,
  checkApprovalWindow,
  checkApprover,
  checkAssemblyAfterPrereview,
  checkAuthorityGrant,
  checkMentors,
  checkOathAfterApproval,
  checkPoliticalReview,
  checkPublicity,
  checkSponsors,
  checkStepOrder,
  checkTalk,
  checkTraining,
  checkVote,
  type MemberStanding,
  ruleOn,
  STEP_ORDER,
  voteCountErrors,
} from './development.rules.ts';
import { getRule } from './ruleRegistry.ts';
import { citationText } from './ruleTypes.ts';

const calendar = createWorkingDayCalendar(
  [...builtinCalendarYears().values()].flatMap((y) => y.days.map((d) => ({ date: d.date, kind: d.kind }))),
);
const full = (id: number, name = `党员${id}`): MemberStanding => ({ id, name, status: 'full', leftOn: null });

describe('two texts: 2014 and the 2026 revision', () => {
  it('picks the version in force on the day of the act, with its citation', () => {
    expect(ruleOn(APPLICANT_AGE, '2026-04-30').id).toBe('D2.applicant-age');
    expect(citationText(ruleOn(APPLICANT_AGE, '2026-04-30').citation)).toBe(
      '《中国共产党发展党员工作细则》第五条',
    );
    expect(ruleOn(APPLICANT_AGE, '2026-05-01').id).toBe('D2.applicant-age@2026');
    expect(citationText(ruleOn(APPLICANT_AGE, '2026-05-01').citation)).toBe(
      '《中国共产党发展党员工作细则》第五条（2014年版条号，2026年修订后沿用）',
    );
    expect(ruleOn(APPLICANT_AGE, '2000-01-01').id).toBe('D2.applicant-age');
    expect(getRule('D2.applicant-age@2026')).toBeDefined();
  });
});

describe('D1 order', () => {
  it('refuses a step that is not next, and a date before the previous step', () => {
    const state = { ...emptyState(), cursor: 2, lastStepOn: '2024-03-10' };
    expect(checkStepOrder(state, [3], 4, '2024-04-01')?.message).toContain('应先办理第3步');
    expect(checkStepOrder(state, [3], 3, '2024-03-09')?.field).toBe('occurredOn');
    expect(checkStepOrder(state, [3], 3, '2024-03-10')).toBeNull();
    expect(checkStepOrder(state, [], 3, '2024-03-10')?.message).toContain('已结束');
    expect(ruleOn(STEP_ORDER, '2024-01-01').severity).toBe('violation');
  });
});

describe('D2 age and talk', () => {
  const params = { minAge: 18 };
  it('accepts the 18th birthday itself, refuses the day before', () => {
    expect(checkApplicantAge('2005-03-01', '2023-03-01', params)).toBeNull();
    expect(checkApplicantAge('2005-03-01', '2023-02-28', params)?.rule.id).toBe('D2.applicant-age');
    expect(checkApplicantAge('2005-03-01', '2023-03-02', params)).toBeNull();
    // Born on 29 February: 18 on 1 March of a non-leap year (周岁).
    expect(checkApplicantAge('2004-02-29', '2022-02-28', params)).not.toBeNull();
    expect(checkApplicantAge('2004-02-29', '2022-03-01', params)).toBeNull();
  });

  it('talk "within 1 month" = on or before addMonths(application, 1): day 30 ok, day 31 late', () => {
    const p = { months: 1 };
    expect(checkTalk('2024-04-01', '2024-05-01', p)).toBeNull(); // 30 days after
    expect(checkTalk('2024-04-01', '2024-05-02', p)?.message).toContain('2024-05-01 前');
    expect(checkTalk('2024-04-01', '2024-04-30', p)).toBeNull();
    // A month without the day ends on its last day (民法典 第二百零三条).
    expect(checkTalk('2025-01-31', '2025-02-28', p)).toBeNull();
    expect(checkTalk('2025-01-31', '2025-03-01', p)).not.toBeNull();
  });
});

describe('D3 mentors and reviews', () => {
  const p = { min: 1, max: 2 };
  it('needs 1–2 full members on the register', () => {
    expect(checkMentors([], '2024-01-01', p)?.message).toContain('现为0名');
    expect(checkMentors([full(1)], '2024-01-01', p)).toBeNull();
    expect(checkMentors([full(1), full(2)], '2024-01-01', p)).toBeNull();
    expect(checkMentors([full(1), full(2), full(3)], '2024-01-01', p)).not.toBeNull();
    expect(checkMentors([{ ...full(1), status: 'probationary' }], '2024-01-01', p)).not.toBeNull();
    expect(checkMentors([{ ...full(1), leftOn: '2023-01-01' }], '2024-01-01', p)).not.toBeNull();
  });

  it('reviews are due 6 months after the last one (or after becoming an activist)', () => {
    expect(activistReviewDueOn('2024-01-15', null, { months: 6 })).toBe('2024-07-15');
    expect(activistReviewDueOn('2024-01-15', '2024-06-30', { months: 6 })).toBe('2024-12-30');
  });
});

describe('D4 one year, sponsors, political review', () => {
  const p = { months: 12 };
  it('exactly one year as activist is enough; a day less is not', () => {
    expect(candidateEarliestOn('2024-03-01', p)).toBe('2025-03-01');
    expect(checkActivistYear('2024-03-01', '2025-03-01', p)).toBeNull();
    expect(checkActivistYear('2024-03-01', '2025-02-28', p)?.rule.id).toBe('D4.activist-one-year');
    expect(checkActivistYear('2024-03-01', '2025-03-02', p)).toBeNull();
    expect(checkActivistYear('2024-02-29', '2025-02-28', p)).toBeNull();
  });

  it('exactly two distinct full members sponsor', () => {
    const c = { count: 2 };
    expect(checkSponsors([full(1), full(2)], '2024-01-01', c)).toBeNull();
    expect(checkSponsors([full(1)], '2024-01-01', c)?.field).toBe('sponsorIds');
    expect(checkSponsors([full(1), full(2), full(3)], '2024-01-01', c)).not.toBeNull();
    expect(checkSponsors([full(1), full(1)], '2024-01-01', c)).not.toBeNull();
    expect(
      checkSponsors([full(1), { ...full(2), status: 'probationary' }], '2024-01-01', c)?.message,
    ).toContain('是预备党员');
    expect(
      checkSponsors([full(1), { ...full(2), leftOn: '2023-06-01' }], '2024-01-01', c)?.message,
    ).toContain('已不在党员名册中');
  });

  it('the political review ends in a written conclusion', () => {
    expect(checkPoliticalReview('  ', '2024-01-01')?.rule.id).toBe('D4.political-review');
    expect(checkPoliticalReview(undefined, '2024-01-01')).not.toBeNull();
    expect(checkPoliticalReview('合格', '2024-01-01')).toBeNull();
  });
});

describe('D5 training', () => {
  const p = { minDays: 3, minHours: 24 };
  it('3 days or 24 hours suffice; 2 days and 23 hours do not', () => {
    expect(checkTraining(2, 23, '2024-01-01', p)?.rule.id).toBe('D5.training');
    expect(checkTraining(3, null, '2024-01-01', p)).toBeNull();
    expect(checkTraining(null, 24, '2024-01-01', p)).toBeNull();
    expect(checkTraining(2.5, 23.5, '2024-01-01', p)).not.toBeNull();
    expect(checkTraining(null, null, '2024-01-01', p)).not.toBeNull();
  });
});

describe('D6 vote', () => {
  const base = { expected: 20, present: 11, yes: 11, no: 0, abstain: 0, votingFullMembers: 20 };
  it('quorum: more than half present; exactly half is not enough', () => {
    expect(checkVote({ ...base, present: 10, yes: 10 }, '2024-01-01')?.field).toBe('vote.present');
    expect(checkVote(base, '2024-01-01')).toBeNull();
  });

  it('passes when yes-votes exceed half of the voting full members; exactly half fails', () => {
    expect(checkVote({ ...base, present: 15, yes: 10, no: 5 }, '2024-01-01')?.field).toBe('vote.yes');
    expect(checkVote({ ...base, present: 15, yes: 11, no: 4 }, '2024-01-01')).toBeNull();
    // Odd numbers: 7 voting members → 4 yes needed, 3.5 is the half.
    expect(
      checkVote({ expected: 7, present: 4, yes: 4, no: 0, abstain: 0, votingFullMembers: 7 }, '2024-01-01'),
    ).toBeNull();
    expect(
      checkVote({ expected: 7, present: 4, yes: 3, no: 1, abstain: 0, votingFullMembers: 7 }, '2024-01-01'),
    ).not.toBeNull();
  });

  it('flags counts that cannot describe a meeting', () => {
    expect(voteCountErrors({ ...base, present: 21 }).map((e) => e.field)).toContain('vote.present');
    expect(voteCountErrors({ ...base, yes: 10, no: 1, abstain: 1 }).map((e) => e.field)).toContain(
      'vote.yes',
    );
    expect(voteCountErrors({ ...base, votingFullMembers: 21 }).map((e) => e.field)).toContain(
      'vote.votingFullMembers',
    );
    expect(voteCountErrors(base)).toEqual([]);
  });
});

describe('D7 approver and window', () => {
  const committee = { name: '甲镇党委', type: 'party_committee', isAncestor: true, hasAuthority: true };
  it('only a 党委 above the branch with the authority approves', () => {
    expect(checkApprover(committee, '2024-01-01')).toBeNull();
    expect(checkApprover({ ...committee, hasAuthority: false }, '2024-01-01')?.message).toContain('未被赋予');
    expect(checkApprover({ ...committee, type: 'general_branch' }, '2024-01-01')?.message).toContain(
      '不是基层党委',
    );
    expect(checkApprover({ ...committee, isAncestor: false }, '2024-01-01')?.message).toContain(
      '不是该党支部的上级',
    );
    expect(checkAuthorityGrant({ name: '总支', type: 'general_branch' }, '2024-01-01')).not.toBeNull();
    expect(checkAuthorityGrant({ name: '党工委', type: 'working_committee' }, '2024-01-01')).toBeNull();
  });

  it('3 months without a reason, up to 6 with one, never later', () => {
    const p = { months: 3, maxMonths: 6 };
    expect(checkApprovalWindow('2024-06-20', '2024-09-20', null, p)).toBeNull();
    expect(checkApprovalWindow('2024-06-20', '2024-09-21', null, p)?.field).toBe('specialReason');
    expect(checkApprovalWindow('2024-06-20', '2024-09-21', '党委换届', p)).toBeNull();
    expect(checkApprovalWindow('2024-06-20', '2024-12-20', '党委换届', p)).toBeNull();
    expect(checkApprovalWindow('2024-06-20', '2024-12-21', '党委换届', p)?.message).toContain('重新讨论');
  });
});

describe('2026 additions', () => {
  const on = { isEnabled: true, minWorkingDays: 5 };
  it('公示: not before 2026-05-01; 5 working days by the official calendar, switchable', () => {
    expect(checkPublicity({ candidateOn: '2026-04-30', from: null, to: null }, calendar, on)).toBeNull();
    expect(checkPublicity({ candidateOn: '2026-05-01', from: null, to: null }, calendar, on)?.rule.id).toBe(
      'D2026.publicity',
    );
    // 04-29 (Wed), 04-30 (Thu), then 劳动节 5.1–5.5, then 5.6 (Wed), 5.7 (Thu): 4 working days.
    expect(
      checkPublicity({ candidateOn: '2026-05-08', from: '2026-04-29', to: '2026-05-07' }, calendar, on)
        ?.message,
    ).toContain('只有 4 个工作日');
    // … to Fri 5.8: 5 working days.
    expect(
      checkPublicity({ candidateOn: '2026-05-08', from: '2026-04-29', to: '2026-05-08' }, calendar, on),
    ).toBeNull();
    // The make-up Saturday 5.9 counts: Wed 5.6 – Sat 5.9 + Mon 5.11 = 5.
    expect(
      checkPublicity({ candidateOn: '2026-05-11', from: '2026-05-06', to: '2026-05-11' }, calendar, on),
    ).toBeNull();
    expect(
      checkPublicity({ candidateOn: '2026-05-07', from: '2026-05-01', to: '2026-05-08' }, calendar, on)
        ?.field,
    ).toBe('publicityTo');
    expect(
      checkPublicity({ candidateOn: '2026-06-10', from: null, to: null }, calendar, {
        ...on,
        isEnabled: false,
      }),
    ).toBeNull();
  });

  it('branch assembly within a month of a pre-review passed on or after 2026-05-01', () => {
    const p = { isEnabled: true, months: 1 };
    expect(checkAssemblyAfterPrereview('2026-04-30', '2026-07-01', p)).toBeNull();
    expect(checkAssemblyAfterPrereview('2026-05-10', '2026-06-10', p)).toBeNull();
    expect(checkAssemblyAfterPrereview('2026-05-10', '2026-06-11', p)?.rule.id).toBe(
      'D2026.assembly-after-prereview',
    );
    expect(checkAssemblyAfterPrereview('2026-05-10', '2026-06-11', { ...p, isEnabled: false })).toBeNull();
  });

  it('oath within a month of an approval given on or after 2026-05-01', () => {
    const p = { isEnabled: true, months: 1 };
    expect(checkOathAfterApproval('2026-05-31', '2026-06-30', p)).toBeNull();
    expect(checkOathAfterApproval('2026-05-31', '2026-07-01', p)?.rule.id).toBe('D2026.oath-after-approval');
    expect(checkOathAfterApproval('2026-04-01', '2026-09-01', p)).toBeNull();
  });
});
