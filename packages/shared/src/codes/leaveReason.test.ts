import { describe, expect, it } from 'vitest';
import { LEAVE_REASONS, LeaveReasonCode, leaveReasonName, lookupLeaveReason } from './leaveReason.ts';

describe('LEAVE_REASONS', () => {
  it('has one entry per code, in enum order', () => {
    expect(LEAVE_REASONS.map((r) => r.code)).toEqual(LeaveReasonCode.options);
    expect(leaveReasonName('lapsed')).toBe('自行脱党除名');
  });
});

describe('lookupLeaveReason', () => {
  it.each([
    ['死亡', 'death'],
    ['去世', 'death'],
    ['转出', 'transfer_out'],
    ['退党除名', 'withdrawal'],
    ['劝而不退除名', 'persuaded_out'],
    ['自行脱党除名', 'lapsed'],
    ['开除党籍', 'expelled'],
    ['取消预备党员资格', 'probation_cancelled'],
    ['停止党籍', 'suspended'],
    ['transfer_out', 'transfer_out'],
  ])('%j → %s', (input, code) => {
    expect(lookupLeaveReason(input)?.code).toBe(code);
  });

  it('returns undefined for unknown input', () => {
    for (const input of ['', '除名', '调动']) expect(lookupLeaveReason(input)).toBeUndefined();
  });
});
