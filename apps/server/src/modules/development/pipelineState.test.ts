import { describe, expect, it } from 'vitest';
import {
  allowedSteps,
  applyStep,
  deriveState,
  emptyState,
  resumedState,
  type StepFact,
} from './pipelineState.ts';

const fact = (step: number, occurredOn: string, extra: Partial<StepFact> = {}): StepFact => ({
  step,
  occurredOn,
  decision: null,
  extensionMonths: null,
  ...extra,
});

const toStep16 = [
  fact(1, '2023-03-01'),
  ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((n, i) =>
    fact(n, `2024-0${1 + Math.floor(i / 5)}-1${i % 5}`),
  ),
  fact(15, '2024-06-20'),
  fact(16, '2024-07-01'),
];

describe('pipeline state', () => {
  it('starts with the application only', () => {
    expect(allowedSteps(emptyState())).toEqual([1]);
    const s = applyStep(emptyState(), fact(1, '2023-03-01'));
    expect(s).toMatchObject({ cursor: 1, stage: 'applicant', appliedOn: '2023-03-01' });
    expect(allowedSteps(s)).toEqual([2]);
  });

  it('allows repeated reviews and education records, and new discussions before approval', () => {
    const s = deriveState(emptyState(), [
      fact(1, '2023-01-01'),
      fact(2, '2023-01-02'),
      fact(3, '2023-01-03'),
      fact(4, '2023-01-04'),
      fact(5, '2023-01-05'),
      fact(6, '2023-02-01'),
    ]);
    expect(s.stage).toBe('activist');
    expect(allowedSteps(s)).toEqual([6, 7]);
    const before17 = deriveState(emptyState(), toStep16);
    expect(before17.stage).toBe('candidate');
    expect(allowedSteps(before17)).toEqual([15, 17]);
  });

  it('approval makes a probationary member for one year from the assembly; rejection goes back to 15', () => {
    const approved = applyStep(
      deriveState(emptyState(), toStep16),
      fact(17, '2024-08-01', { decision: 'approve' }),
    );
    expect(approved).toMatchObject({
      stage: 'probationary',
      approvedOn: '2024-08-01',
      probationEndsOn: '2025-06-20',
    });
    const rejected = applyStep(
      deriveState(emptyState(), toStep16),
      fact(17, '2024-08-01', { decision: 'reject' }),
    );
    expect(rejected).toMatchObject({ cursor: 14, stage: 'candidate', approvedOn: null });
    expect(allowedSteps(rejected)).toEqual([15]);
  });

  it('an approved extension reopens steps 21–24 in round 2; conversion dates the end of probation', () => {
    let s = applyStep(deriveState(emptyState(), toStep16), fact(17, '2024-08-01', { decision: 'approve' }));
    s = deriveState(s, [
      fact(18, '2024-08-10'),
      fact(19, '2024-08-11'),
      fact(20, '2024-08-12'),
      fact(21, '2025-01-01'),
      fact(22, '2025-06-01'),
    ]);
    s = applyStep(s, fact(23, '2025-06-20', { decision: 'extend', extensionMonths: 6 }));
    expect(allowedSteps(s)).toEqual([23, 24]);
    const refused = applyStep(s, fact(24, '2025-07-01', { decision: 'reject' }));
    expect(refused).toMatchObject({ cursor: 22, extensionMonths: null, probationEndsOn: '2025-06-20' });
    s = applyStep(s, fact(24, '2025-07-01', { decision: 'approve' }));
    expect(s).toMatchObject({ round: 2, cursor: 20, extensionMonths: 6, probationEndsOn: '2025-12-20' });
    expect(allowedSteps(s)).toEqual([21]);
    s = deriveState(s, [
      fact(21, '2025-09-01'),
      fact(22, '2025-12-01'),
      fact(23, '2025-12-20', { decision: 'convert' }),
      fact(24, '2026-01-05', { decision: 'approve' }),
    ]);
    expect(s).toMatchObject({ stage: 'full', confirmedOn: '2025-12-20' });
    expect(applyStep(s, fact(25, '2026-02-01')).status).toBe('completed');
  });

  it('a resumed member starts after the step done elsewhere', () => {
    const s = resumedState({ joinedOn: '2026-03-01', afterStep: 20, startedOn: '2026-11-22' });
    expect(s).toMatchObject({ stage: 'probationary', probationEndsOn: '2027-03-01', oathOn: '2026-03-01' });
    expect(allowedSteps(s)).toEqual([21]);
  });
});
