import { z } from 'zod';
import { IsoDate, isStorableJson, PageQuery, PublicId, text, Version } from './common.ts';

export const Severity = z.enum(['info', 'warning', 'violation']).describe('提示 / 预警 / 违规');
export type Severity = z.infer<typeof Severity>;

/** A warning (预警) as `zhibu check --json` prints it: the fixed, documented shape. */
export const RuleWarning = z.object({
  rule: z.string().describe('规则编号，如 P4.unpaid-months'),
  citation: z.string().describe('依据：《文件》条款'),
  severity: Severity,
  orgId: PublicId.nullable(),
  memberId: PublicId.nullable(),
  message: z.string(),
  since: IsoDate.nullable().describe('情形自何日起存在'),
  due: IsoDate.nullable().describe('应在何日前处理'),
});
export type RuleWarning = z.infer<typeof RuleWarning>;

/** A warning as the web app lists it: with the names it needs. */
export const WarningItem = RuleWarning.extend({
  ruleTitle: z.string(),
  orgName: z.string().nullable(),
  memberName: z.string().nullable(),
});
export type WarningItem = z.infer<typeof WarningItem>;

export const SeverityCounts = z.object({
  info: z.number().int(),
  warning: z.number().int(),
  violation: z.number().int(),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;

export const ListWarningsRequest = PageQuery.extend({
  orgId: PublicId.optional().describe('组织（含全部下级）；省略时为数据权限内全部'),
  memberId: PublicId.optional().describe('只看某一党员'),
  severity: Severity.optional(),
  rule: text('规则编号').max(60).optional().describe('规则编号或其前缀（如 P4、B4.term）'),
});
export type ListWarningsRequest = z.infer<typeof ListWarningsRequest>;
export const ListWarningsResponse = z.object({
  items: z.array(WarningItem),
  total: z.number().int(),
  counts: SeverityCounts.describe('筛选前（按组织、党员）各级别的条数'),
  evaluatedOn: IsoDate,
});
export type ListWarningsResponse = z.infer<typeof ListWarningsResponse>;

export const WarningSummaryRequest = z.object({
  parentId: PublicId.optional().describe('列出此组织各直接下级的预警数；省略时为数据权限内的顶层组织'),
});
export const WarningSummaryItem = SeverityCounts.extend({
  orgId: PublicId,
  orgName: z.string(),
  total: z.number().int(),
});
export const WarningSummaryResponse = z.object({
  items: z.array(WarningSummaryItem),
  evaluatedOn: IsoDate,
});
export type WarningSummaryResponse = z.infer<typeof WarningSummaryResponse>;

/** One editable parameter of a rule, described for a generic form. */
export const RuleParamField = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(['integer', 'number', 'boolean', 'string', 'string[]', 'json']),
  min: z.number().nullable(),
  max: z.number().nullable(),
  options: z.array(z.string()).nullable().describe('可选值（多选）'),
});
export type RuleParamField = z.infer<typeof RuleParamField>;

export const RuleInfo = z.object({
  id: z.string(),
  family: z.string().describe('规则族：发展党员、支部与任期、党费、组织关系与党籍…'),
  title: z.string(),
  citation: z.string(),
  severity: Severity,
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  isInForce: z.boolean(),
  producesWarnings: z.boolean().describe('false：只在办理时校验（拒绝不合规的操作），不产生预警'),
  params: z.record(z.string(), z.unknown()).describe('生效的参数'),
  defaults: z.record(z.string(), z.unknown()),
  isCustomized: z.boolean(),
  fields: z.array(RuleParamField),
  version: z.number().int().describe('参数版本（0：从未修改）'),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type RuleInfo = z.infer<typeof RuleInfo>;
export const ListRulesResponse = z.object({ items: z.array(RuleInfo) });
export type ListRulesResponse = z.infer<typeof ListRulesResponse>;

export const UpdateRuleParamsRequest = z.object({
  params: z
    .record(text('参数名').max(100), z.unknown())
    .refine(isStorableJson, '参数含有不可见的控制字符或无效的字符')
    .describe('要修改的参数（与现有参数合并）；reset 为 true 时忽略'),
  reset: z.boolean().optional().describe('恢复默认值'),
  version: Version.describe('读取时的参数版本'),
});
export type UpdateRuleParamsRequest = z.infer<typeof UpdateRuleParamsRequest>;
