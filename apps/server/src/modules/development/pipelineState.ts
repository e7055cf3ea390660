import { addMonths, addYears, type DevelopmentStageCode } from '@zhibu/shared';
import type { DevelopmentStatusCode, StepDecisionCode } from '@zhibu/shared/api';

/** What the state machine needs of a recorded step. */
export interface StepFact {
  step: number;
  occurredOn: string;
  decision: StepDecisionCode | null;
  extensionMonths: number | null;
}

/** Where a person stands, derived from their steps in the order they were recorded. */
export interface PipelineState {
  /** Last step reached on the chain 1 → 25 (a rejection steps back, see applyStep). */
  cursor: number;
  /** Conversion round: 2 after an approved extension of probation. */
  round: number;
  status: Exclude<DevelopmentStatusCode, 'withdrawn'>;
  stage: DevelopmentStageCode;
  lastStepOn: string;
  appliedOn: string | null;
  talkedOn: string | null;
  activistOn: string | null;
  lastReviewOn: string | null;
  candidateOn: string | null;
  prereviewOn: string | null;
  /** Date of the branch assembly that admitted the person (入党日期); the latest vote before approval. */
  admittedOn: string | null;
  /** True when a branch assembly already discussed the admission once (a later vote is a re-discussion). */
  hasAdmissionVote: boolean;
  approvedOn: string | null;
  oathOn: string | null;
  probationEndsOn: string | null;
  extensionMonths: number | null;
  conversionVotedOn: string | null;
  conversionDecision: StepDecisionCode | null;
  /** Months of extension the branch assembly decided, waiting for approval. */
  pendingExtensionMonths: number | null;
  confirmedOn: string | null;
  resumedAfterStep: number | null;
}

/** Before step 1: the only step allowed is the application. */
export function emptyState(): PipelineState {
  return {
    cursor: 0,
    round: 1,
    status: 'active',
    stage: 'applicant',
    lastStepOn: '0001-01-01',
    appliedOn: null,
    talkedOn: null,
    activistOn: null,
    lastReviewOn: null,
    candidateOn: null,
    prereviewOn: null,
    admittedOn: null,
    hasAdmissionVote: false,
    approvedOn: null,
    oathOn: null,
    probationEndsOn: null,
    extensionMonths: null,
    conversionVotedOn: null,
    conversionDecision: null,
    pendingExtensionMonths: null,
    confirmedOn: null,
    resumedAfterStep: null,
  };
}

/**
 * A probationary member admitted elsewhere (or before zhibu) whose steps up to `afterStep` were
 * done there: probation runs one year from their joining date (shared/DOMAIN.md D8).
 */
export function resumedState(input: {
  joinedOn: string;
  afterStep: number;
  startedOn: string;
  extensionMonths?: number | null;
}): PipelineState {
  const ends = addYears(input.joinedOn, 1);
  return {
    ...emptyState(),
    cursor: input.afterStep,
    stage: 'probationary',
    lastStepOn: [input.startedOn, input.joinedOn].sort()[1] ?? input.joinedOn,
    admittedOn: input.joinedOn,
    hasAdmissionVote: true,
    oathOn: input.afterStep >= 20 ? input.joinedOn : null,
    extensionMonths: input.extensionMonths ?? null,
    probationEndsOn: input.extensionMonths ? addMonths(ends, input.extensionMonths) : ends,
    round: input.extensionMonths ? 2 : 1,
    resumedAfterStep: input.afterStep,
  };
}

function stageOf(cursor: number, confirmedOn: string | null): DevelopmentStageCode {
  if (confirmedOn) return 'full';
  if (cursor <= 2) return 'applicant';
  if (cursor <= 6) return 'activist';
  if (cursor <= 16) return 'candidate';
  return 'probationary';
}

/**
 * The state after one more step. Rejections step back so the branch can discuss again: 17
 * rejected → back to 14 (next: a new branch assembly), 24 rejected → back to 22 (next: 23). An
 * approved extension reopens the probation steps from 21 in a new round.
 */
export function applyStep(state: PipelineState, fact: StepFact): PipelineState {
  const s: PipelineState = { ...state, cursor: fact.step, lastStepOn: fact.occurredOn };
  const on = fact.occurredOn;
  switch (fact.step) {
    case 1:
      s.appliedOn = on;
      break;
    case 2:
      s.talkedOn = on;
      break;
    case 3:
      s.activistOn = on;
      break;
    case 6:
      s.lastReviewOn = on;
      break;
    case 7:
      s.candidateOn = on;
      break;
    case 13:
      s.prereviewOn = on;
      break;
    case 15:
      s.admittedOn = on;
      s.hasAdmissionVote = true;
      break;
    case 17:
      if (fact.decision === 'reject') {
        s.cursor = 14;
      } else if (s.admittedOn) {
        s.approvedOn = on;
        s.probationEndsOn = addYears(s.admittedOn, 1);
      }
      break;
    case 20:
      s.oathOn = on;
      break;
    case 23:
      s.conversionVotedOn = on;
      s.conversionDecision = fact.decision;
      s.pendingExtensionMonths = fact.decision === 'extend' ? fact.extensionMonths : null;
      break;
    case 24:
      s.pendingExtensionMonths = null;
      if (fact.decision === 'reject') {
        s.cursor = 22;
        s.conversionVotedOn = null;
        s.conversionDecision = null;
      } else if (state.conversionDecision === 'convert') {
        s.confirmedOn = state.probationEndsOn;
      } else if (state.conversionDecision === 'extend' && state.probationEndsOn) {
        const months = state.pendingExtensionMonths ?? 0;
        s.extensionMonths = months;
        s.probationEndsOn = addMonths(state.probationEndsOn, months);
        s.round = state.round + 1;
        s.cursor = 20;
        s.conversionVotedOn = null;
        s.conversionDecision = null;
      } else if (state.conversionDecision === 'cancel') {
        s.status = 'cancelled';
      }
      break;
    case 25:
      s.status = 'completed';
      break;
  }
  s.stage = stageOf(s.cursor, s.confirmedOn);
  return s;
}

/** Folds recorded steps (in recording order) onto a starting state (emptyState, or resumedState). */
export function deriveState(start: PipelineState, facts: readonly StepFact[]): PipelineState {
  return facts.reduce(applyStep, start);
}

/**
 * Steps that may be recorded next (shared/DOMAIN.md D1: in order). Besides the next step on the
 * chain: more reviews (6) and education records (21) while they are current, and a new branch
 * assembly (15, 23) while its decision waits for approval — a lapsed or refused approval is
 * answered by discussing again.
 */
export function allowedSteps(state: PipelineState): number[] {
  if (state.status !== 'active') return [];
  const c = state.cursor;
  const steps = new Set<number>();
  if (c < 25) steps.add(c + 1);
  if (c === 6 || c === 21) steps.add(c);
  if (c === 15 || c === 16) steps.add(15);
  if (c === 23) steps.add(23);
  return [...steps].sort((a, b) => a - b);
}
