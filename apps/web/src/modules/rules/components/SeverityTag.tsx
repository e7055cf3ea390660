import type { Severity } from '@zhibu/shared/api';
import { Tag } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { severityColors } from '../severityColors.ts';

/** 违规 / 预警 / 提示 as a coloured tag. */
export function SeverityTag({ severity }: { severity: Severity }) {
  const t = useT();
  return (
    <Tag color={severityColors[severity]} data-severity={severity}>
      {t(`warnings.severity.${severity}`)}
    </Tag>
  );
}
