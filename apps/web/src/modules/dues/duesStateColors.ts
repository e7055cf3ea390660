import type { DuesMonthState } from '@zhibu/shared/api';

export const duesStateColors: Record<DuesMonthState, string> = {
  paid: 'green',
  partial: 'gold',
  unpaid: 'red',
  no_standard: 'default',
  waived: 'blue',
  not_due: 'default',
};
