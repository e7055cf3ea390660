import type { MemberField } from '@zhibu/shared';

/**
 * One column of an exchange file. `header` is the exact template header (and the `column` of a
 * report entry); `aliases` are other headers seen in real rosters, matched after normalization.
 */
export interface ColumnSpec<F extends string = string> {
  readonly field: F;
  readonly header: string;
  readonly aliases: readonly string[];
  /** The column must exist in the file (its cells may still be optional). */
  readonly isRequired: boolean;
  /** One line for the 填写说明 sheet and the header comment. */
  readonly note: string;
  readonly example: string;
  readonly width: number;
}

export type MemberImportField = MemberField | 'org';
export type OrgImportField = 'name' | 'shortName' | 'parent' | 'type' | 'category' | 'establishedOn';

/** Member roster columns: the twelve template headers first, then optional extras. */
export const MEMBER_COLUMNS: readonly ColumnSpec<MemberImportField>[] = [
  {
    field: 'name',
    header: '姓名',
    aliases: ['党员姓名', '名字'],
    isRequired: true,
    note: '必填',
    example: '张三',
    width: 10,
  },
  {
    field: 'gender',
    header: '性别',
    aliases: [],
    isRequired: false,
    note: '男或女；可不填，由公民身份号码推出',
    example: '男',
    width: 6,
  },
  {
    field: 'idNumber',
    header: '公民身份号码',
    aliases: ['身份证号', '身份证号码', '身份证', '公民身份证号', '公民身份证号码', '身份号码', '证件号码'],
    isRequired: true,
    note: '必填；18 位，末位可为 X。请把此列设为“文本”格式，存成数字会丢失末尾几位',
    example: '11010519491231002X',
    width: 22,
  },
  {
    field: 'ethnicity',
    header: '民族',
    aliases: [],
    isRequired: false,
    note: '如 汉族、回族（见“填写说明”）',
    example: '汉族',
    width: 8,
  },
  {
    field: 'birthDate',
    header: '出生日期',
    aliases: ['出生年月日', '生日'],
    isRequired: false,
    note: '可不填，由公民身份号码推出；填写时须与号码一致',
    example: '1949-12-31',
    width: 12,
  },
  {
    field: 'education',
    header: '学历',
    aliases: ['文化程度', '最高学历', '学历层次'],
    isRequired: false,
    note: '如 大学本科、大专、高中（见“填写说明”）',
    example: '大学本科',
    width: 12,
  },
  {
    field: 'status',
    header: '党员类型',
    aliases: ['党员类别', '人员类别', '党员身份'],
    isRequired: true,
    note: '必填；正式党员 或 预备党员',
    example: '正式党员',
    width: 10,
  },
  {
    field: 'joinedOn',
    header: '入党日期',
    aliases: ['入党时间', '加入党组织日期'],
    isRequired: true,
    note: '必填；如 2015-07-01、2015/7/1、2015年7月1日',
    example: '1975-07-01',
    width: 12,
  },
  {
    field: 'confirmedOn',
    header: '转正日期',
    aliases: ['转正时间', '转为正式党员日期'],
    isRequired: false,
    note: '正式党员填写；预备党员不填',
    example: '1976-07-01',
    width: 12,
  },
  {
    field: 'org',
    header: '所在党组织',
    aliases: [
      '所在支部',
      '所在党支部',
      '所属党组织',
      '所属支部',
      '所属党支部',
      '党组织',
      '党组织名称',
      '所在组织',
    ],
    isRequired: true,
    note: '必填；党组织全称或简称，须在您的管理范围内',
    example: '第一党支部',
    width: 24,
  },
  {
    field: 'phone',
    header: '联系电话',
    aliases: ['手机', '手机号', '手机号码', '电话', '电话号码', '联系方式'],
    isRequired: false,
    note: '手机或固定电话，如 13800138000、010-62345678',
    example: '13800138000',
    width: 15,
  },
  {
    field: 'remark',
    header: '备注',
    aliases: ['说明'],
    isRequired: false,
    note: '不超过 500 字',
    example: '',
    width: 20,
  },
  {
    field: 'nativePlace',
    header: '籍贯',
    aliases: [],
    isRequired: false,
    note: '可选列',
    example: '北京市',
    width: 12,
  },
  {
    field: 'workUnit',
    header: '工作单位',
    aliases: ['单位', '所在单位'],
    isRequired: false,
    note: '可选列',
    example: '',
    width: 20,
  },
  {
    field: 'post',
    header: '职务',
    aliases: ['现任职务', '职位'],
    isRequired: false,
    note: '可选列',
    example: '',
    width: 12,
  },
  {
    field: 'address',
    header: '家庭住址',
    aliases: ['住址', '地址', '家庭地址', '居住地址', '现居住地'],
    isRequired: false,
    note: '可选列',
    example: '',
    width: 24,
  },
];

/** Org tree columns. */
export const ORG_COLUMNS: readonly ColumnSpec<OrgImportField>[] = [
  {
    field: 'name',
    header: '组织名称',
    aliases: ['组织全称', '党组织名称', '党组织全称', '全称', '名称'],
    isRequired: true,
    note: '必填；全称，2–100 字',
    example: '第一党支部',
    width: 28,
  },
  {
    field: 'shortName',
    header: '组织简称',
    aliases: ['简称'],
    isRequired: false,
    note: '可不填',
    example: '一支部',
    width: 14,
  },
  {
    field: 'parent',
    header: '上级组织',
    aliases: ['上级党组织', '上级组织名称', '上级'],
    isRequired: true,
    note: '上级组织的全称或简称；可以是本表中前面或后面的行；不填为顶级组织（仅系统管理员）',
    example: '示例街道党工委',
    width: 28,
  },
  {
    field: 'type',
    header: '组织类型',
    aliases: ['党组织类型', '类型'],
    isRequired: true,
    note: '必填；如 基层党委、党总支、党支部（见“填写说明”）',
    example: '党支部',
    width: 12,
  },
  {
    field: 'category',
    header: '组织类别',
    aliases: ['党组织类别', '类别', '单位类别'],
    isRequired: true,
    note: '必填；如 街道、乡镇、社区、农村、机关（见“填写说明”）',
    example: '社区',
    width: 14,
  },
  {
    field: 'establishedOn',
    header: '成立日期',
    aliases: ['成立时间', '建立日期', '组建日期'],
    isRequired: false,
    note: '如 2015-07-01',
    example: '2015-07-01',
    width: 12,
  },
];

export function headerOf<F extends string>(specs: readonly ColumnSpec<F>[], field: F): string {
  return specs.find((s) => s.field === field)?.header ?? field;
}
