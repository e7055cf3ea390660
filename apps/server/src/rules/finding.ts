import { encodeId } from '../lib/publicId.ts';
import {
  type Citation,
  citationText,
  type RuleDefinition,
  type Severity,
  type Warning,
} from './ruleTypes.ts';

/** What a pure rule check returns for one org or member; the evaluator turns it into a Warning. */
export interface Finding {
  severity: Severity;
  message: string;
  since?: string | null;
  due?: string | null;
  /** When one rule rests on different articles for different cases. */
  citation?: Citation;
}

/** A Warning about an org (and optionally one of its members), with public ids and the citation text. */
export function toWarning(
  rule: Pick<RuleDefinition, 'id' | 'citation'>,
  at: { orgId: number; memberId?: number | null },
  finding: Finding,
): Warning {
  return {
    rule: rule.id,
    citation: citationText(finding.citation ?? rule.citation),
    severity: finding.severity,
    orgId: encodeId(at.orgId),
    memberId: at.memberId === undefined || at.memberId === null ? null : encodeId(at.memberId),
    message: finding.message,
    since: finding.since ?? null,
    due: finding.due ?? null,
  };
}
