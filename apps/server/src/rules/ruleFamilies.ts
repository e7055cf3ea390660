/** Family of a rule, from the letter of its DOMAIN.md §2 number (D1 …, B1 …, P1 …, T1 …, C1 …). */
const FAMILIES: Record<string, string> = {
  D: '发展党员',
  B: '支部设置、任期与组织生活',
  P: '党费',
  T: '组织关系与党籍',
  C: '代码',
};

export function ruleFamily(ruleId: string): string {
  return FAMILIES[ruleId.slice(0, 1)] ?? '其他';
}
