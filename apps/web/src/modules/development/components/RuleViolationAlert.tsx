import { Alert } from 'antd';
import { useT } from '../../../i18n/useT.ts';

/** A refusal by a rule, with the article it cites, shown where the user acted. */
export function RuleViolationAlert({ detail }: { detail: string | null }) {
  const t = useT();
  if (!detail) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={t('development.violationTitle')}
      description={detail}
      style={{ marginBottom: 16 }}
      data-testid="rule-violation"
    />
  );
}
