import type { TransferReasonCode } from '@zhibu/shared/api';

/** Reasons offered when a transfer starts (T1: work unit, residence, 6 months away at a fixed place). */
export const TRANSFER_REASONS: readonly TransferReasonCode[] = [
  'work_change',
  'residence_change',
  'away_six_months',
  'other',
];
