import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { codeLabel, knownCodes } from '../../codes/codeLabel.ts';
import type { AuditFilter } from '../AuditFilter.ts';

interface AuditFilterValues {
  action?: string;
  username?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filter by action, user and date range; Enter searches. */
export function AuditFilters({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const t = useT();
  return (
    <Form<AuditFilterValues>
      name="audit-filters"
      layout="inline"
      style={{ rowGap: 8, marginBottom: 12 }}
      aria-label={t('audit.filters')}
      onFinish={(values) =>
        onSearch({
          action: values.action?.trim() || undefined,
          username: values.username?.trim() || undefined,
          from: toIsoDate(values.range?.[0]) ?? undefined,
          to: toIsoDate(values.range?.[1]) ?? undefined,
        })
      }
    >
      <Form.Item name="action" label={t('audit.field.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 200 }}
          placeholder={t('audit.actionAll')}
          options={knownCodes('auditAction').map((code) => ({
            value: code,
            label: codeLabel(t, 'auditAction', code),
          }))}
        />
      </Form.Item>
      <Form.Item name="username" label={t('audit.field.username')}>
        <Input allowClear maxLength={50} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.field.range')}>
        <DatePicker.RangePicker format={dateFormat} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form.Item>
    </Form>
  );
}
