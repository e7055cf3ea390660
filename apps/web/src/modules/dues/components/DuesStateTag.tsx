import type { DuesMonthState } from '@zhibu/shared/api';
import { Tag } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { duesStateColors } from '../duesStateColors.ts';

/** 已交 / 未交 / 未交足 / 免交 … for one month. */
export function DuesStateTag({ state }: { state: DuesMonthState }) {
  const t = useT();
  return (
    <Tag color={duesStateColors[state]} data-state={state}>
      {t(`dues.state.${state}`)}
    </Tag>
  );
}
