import { z } from 'zod';

/** The five groups of the 25 steps (shared/DOMAIN.md D1). */
export const StepGroupCode = z.enum(['apply', 'activist', 'candidate', 'admission', 'probation']);
export type StepGroupCode = z.infer<typeof StepGroupCode>;

export const STEP_GROUPS: readonly { code: StepGroupCode; name: string; steps: readonly number[] }[] = [
  { code: 'apply', name: '申请入党', steps: [1, 2] },
  { code: 'activist', name: '入党积极分子的确定和培养教育', steps: [3, 4, 5, 6] },
  { code: 'candidate', name: '发展对象的确定和考察', steps: [7, 8, 9, 10, 11] },
  { code: 'admission', name: '预备党员的接收', steps: [12, 13, 14, 15, 16, 17, 18] },
  { code: 'probation', name: '预备党员的教育考察和转正', steps: [19, 20, 21, 22, 23, 24, 25] },
];

/** Where a person stands in the pipeline (the board's columns); `full` once converted. */
export const DevelopmentStageCode = z.enum(['applicant', 'activist', 'candidate', 'probationary', 'full']);
export type DevelopmentStageCode = z.infer<typeof DevelopmentStageCode>;

export const DEVELOPMENT_STAGE_NAMES: Readonly<Record<DevelopmentStageCode, string>> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
};

/** Which side acts: the branch, or the higher 党委 (whose decisions need its own account's scope). */
export type StepActor = 'branch' | 'committee';

export interface DevelopmentStep {
  no: number;
  name: string;
  group: StepGroupCode;
  actor: StepActor;
  /** The branch assembly votes at this step (counts recorded; shared/DOMAIN.md D6). */
  hasVote: boolean;
  /** May be recorded more than once (ongoing education and review). */
  isRepeatable: boolean;
}

const step = (
  no: number,
  name: string,
  group: StepGroupCode,
  actor: StepActor,
  extra: Partial<Pick<DevelopmentStep, 'hasVote' | 'isRepeatable'>> = {},
): DevelopmentStep => ({ no, name, group, actor, hasVote: false, isRepeatable: false, ...extra });

/** The 25 steps in order (shared/DOMAIN.md D1; 中国共产党发展党员工作细则). */
export const DEVELOPMENT_STEPS: readonly DevelopmentStep[] = [
  step(1, '递交入党申请书', 'apply', 'branch'),
  step(2, '党组织派人谈话', 'apply', 'branch'),
  step(3, '推荐和确定入党积极分子', 'activist', 'branch'),
  step(4, '上级党委备案', 'activist', 'branch'),
  step(5, '指定培养联系人', 'activist', 'branch'),
  step(6, '培养教育考察', 'activist', 'branch', { isRepeatable: true }),
  step(7, '确定发展对象', 'candidate', 'branch'),
  step(8, '上级党委备案', 'candidate', 'branch'),
  step(9, '确定入党介绍人', 'candidate', 'branch'),
  step(10, '进行政治审查', 'candidate', 'branch'),
  step(11, '开展集中培训', 'candidate', 'branch'),
  step(12, '支部委员会审查', 'admission', 'branch'),
  step(13, '上级党委预审', 'admission', 'committee'),
  step(14, '填写入党志愿书', 'admission', 'branch'),
  step(15, '支部党员大会讨论', 'admission', 'branch', { hasVote: true }),
  step(16, '上级党委派人谈话', 'admission', 'branch'),
  step(17, '上级党委审批', 'admission', 'committee'),
  step(18, '再上一级党委组织部门备案', 'admission', 'branch'),
  step(19, '编入党支部和党小组', 'probation', 'branch'),
  step(20, '入党宣誓', 'probation', 'branch'),
  step(21, '继续教育考察', 'probation', 'branch', { isRepeatable: true }),
  step(22, '提出转正申请', 'probation', 'branch'),
  step(23, '支部党员大会讨论', 'probation', 'branch', { hasVote: true }),
  step(24, '上级党委审批', 'probation', 'committee'),
  step(25, '材料归档', 'probation', 'branch'),
];

export function developmentStep(no: number): DevelopmentStep | undefined {
  return DEVELOPMENT_STEPS[no - 1];
}

export function developmentStepName(no: number): string {
  return developmentStep(no)?.name ?? `第${no}步`;
}
