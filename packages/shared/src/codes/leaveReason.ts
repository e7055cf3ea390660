import { z } from 'zod';
import { type CodeEntry, createLookup, createNameOf } from './codeTable.ts';

export const LeaveReasonCode = z.enum([
  'death',
  'transfer_out',
  'withdrawal',
  'persuaded_out',
  'lapsed',
  'expelled',
  'probation_cancelled',
  'suspended',
]);
export type LeaveReasonCode = z.infer<typeof LeaveReasonCode>;
export type LeaveReason = CodeEntry<LeaveReasonCode>;

// 党章 第九条 and 党员教育管理工作条例 (2019) 第二十四、三十一条; suspension (停止党籍) takes a member off
// the active register without ending membership, so it is listed here too.
export const LEAVE_REASONS: readonly LeaveReason[] = [
  { code: 'death', name: '死亡', aliases: ['去世', '病故', '亡故'] },
  { code: 'transfer_out', name: '转出', aliases: ['组织关系转出', '转出组织关系'] },
  { code: 'withdrawal', name: '退党除名', aliases: ['退党'] },
  { code: 'persuaded_out', name: '劝而不退除名', aliases: ['劝退', '劝而不退'] },
  { code: 'lapsed', name: '自行脱党除名', aliases: ['自行脱党', '脱党'] },
  { code: 'expelled', name: '开除党籍', aliases: ['开除'] },
  { code: 'probation_cancelled', name: '取消预备党员资格', aliases: ['取消预备资格'] },
  { code: 'suspended', name: '停止党籍' },
];

/** Reason a member leaves the register (党章 第九条, 教育管理工作条例 2019) from code, name or short form. */
export const lookupLeaveReason = createLookup(LEAVE_REASONS);

export const leaveReasonName = createNameOf(LEAVE_REASONS);
