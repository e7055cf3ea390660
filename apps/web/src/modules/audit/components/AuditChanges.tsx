import { Col, Row, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { AuditEntryItem } from '../AuditEntryItem.ts';

function pretty(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}

/** Before and after of one audited write, side by side (stacked on phones). */
export function AuditChanges({ entry }: { entry: AuditEntryItem }) {
  const t = useT();
  return (
    <Row gutter={[16, 8]}>
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
        <pre className="zhibu-json">{pretty(entry.before)}</pre>
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
        <pre className="zhibu-json">{pretty(entry.after)}</pre>
      </Col>
    </Row>
  );
}
