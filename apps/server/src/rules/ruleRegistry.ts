import type { RuleDefinition } from './ruleTypes.ts';

// Rule families register themselves here (one file per family in this folder, e.g.
// development.rules.ts, dues.rules.ts); index.ts imports every family once.
const rules = new Map<string, RuleDefinition>();

export function registerRules(...definitions: RuleDefinition[]): void {
  for (const d of definitions) {
    if (rules.has(d.id)) throw new Error(`rule ${d.id} registered twice`);
    rules.set(d.id, d);
  }
}

export function allRules(): RuleDefinition[] {
  return [...rules.values()];
}

export function getRule(id: string): RuleDefinition | undefined {
  return rules.get(id);
}
