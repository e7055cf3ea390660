import { addMonths } from '@zhibu/shared';
import type { DevelopmentDeadline } from '@zhibu/shared/api';
import {
  ACTIVIST_REVIEW,
  APPROVAL_WITHIN,
  ASSEMBLY_AFTER_PREREVIEW_2026,
  activistReviewDueOn,
  OATH_AFTER_APPROVAL_2026,
  ruleOn,
  TALK_WITHIN_MONTH,
  talkDueOn,
} from '../../rules/development.rules.ts';
import { CONVERSION_APPROVAL, CONVERSION_DUE, conversionDueOn } from '../../rules/probation.rules.ts';
import { citationText, isRuleInForce, type RuleDefinition } from '../../rules/ruleTypes.ts';
import type { PipelineState } from './pipelineState.ts';

/** Reads a rule's parameters in force (defaults overlaid with what an administrator saved). */
export type ParamsReader = <P extends Record<string, unknown>>(rule: RuleDefinition<P>) => P;

/**
 * The deadlines a person's pipeline is waiting on, earliest first: talk (D2), activist review
 * (D3), approval (D7), conversion discussion and its approval (D8), and the 2026 limits on the
 * branch assembly after pre-review and on the oath after approval.
 */
export function pipelineDeadlines(
  state: PipelineState,
  person: { isTransferredIn: boolean },
  read: ParamsReader,
  today: string,
): DevelopmentDeadline[] {
  if (state.status !== 'active') return [];
  const found: DevelopmentDeadline[] = [];
  const add = (rule: RuleDefinition, step: number, dueOn: string, message: string) =>
    found.push({
      rule: rule.id,
      step,
      dueOn,
      isOverdue: dueOn < today,
      message,
      citation: citationText(rule.citation),
    });
  const c = state.cursor;

  if (c === 1 && state.appliedOn) {
    const rule = ruleOn(TALK_WITHIN_MONTH, state.appliedOn);
    add(rule, 2, talkDueOn(state.appliedOn, read(rule)), '收到入党申请书后派人谈话');
  }
  if (c >= 3 && c <= 6 && state.activistOn) {
    const rule = ruleOn(ACTIVIST_REVIEW, today);
    add(
      rule,
      6,
      activistReviewDueOn(state.activistOn, state.lastReviewOn, read(rule)),
      '党支部对入党积极分子进行考察',
    );
  }
  const assembly = read(ASSEMBLY_AFTER_PREREVIEW_2026);
  if (
    (c === 13 || c === 14) &&
    state.prereviewOn &&
    !state.hasAdmissionVote &&
    assembly.isEnabled &&
    isRuleInForce(ASSEMBLY_AFTER_PREREVIEW_2026, state.prereviewOn)
  ) {
    add(
      ASSEMBLY_AFTER_PREREVIEW_2026,
      15,
      addMonths(state.prereviewOn, assembly.months),
      '预审通过后召开支部党员大会讨论',
    );
  }
  if ((c === 15 || c === 16) && state.admittedOn) {
    const rule = ruleOn(APPROVAL_WITHIN, state.admittedOn);
    add(rule, 17, addMonths(state.admittedOn, read(rule).months), '上级党委审批接收预备党员');
  }
  const oath = read(OATH_AFTER_APPROVAL_2026);
  if (
    c >= 17 &&
    !state.oathOn &&
    state.approvedOn &&
    oath.isEnabled &&
    isRuleInForce(OATH_AFTER_APPROVAL_2026, state.approvedOn)
  ) {
    add(OATH_AFTER_APPROVAL_2026, 20, addMonths(state.approvedOn, oath.months), '组织入党宣誓');
  }
  if (c >= 17 && c <= 22 && state.probationEndsOn) {
    const rule = ruleOn(CONVERSION_DUE, state.probationEndsOn);
    add(
      rule,
      23,
      conversionDueOn(state.probationEndsOn, person.isTransferredIn, read(rule)),
      `预备期于 ${state.probationEndsOn} 届满，支部党员大会讨论转正`,
    );
  }
  if (c === 23 && state.conversionVotedOn) {
    const rule = ruleOn(CONVERSION_APPROVAL, state.conversionVotedOn);
    add(rule, 24, addMonths(state.conversionVotedOn, read(rule).months), '上级党委审批转正决议');
  }
  return found.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
