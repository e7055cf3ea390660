import {
  computeDuesStandard,
  DUES_CATEGORIES,
  type DuesCategoryCode,
  duesCitationText,
  isBasedDuesCategory,
} from '@zhibu/shared';
import { Alert, DatePicker, Form, type FormInstance, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { codeOptions } from '../../codes/codeOptions.ts';
import { fenOf, yuan } from '../yuan.ts';

export interface DuesProfileValues {
  category?: DuesCategoryCode;
  base?: string | null;
  amount?: string | null;
  effectiveFrom: Dayjs | null;
  reviewedOn?: Dayjs | null;
  hardshipReason?: string;
  hardshipDecidedOn?: Dayjs | null;
  hardshipApprovedBy?: string;
  hardshipApprovedOn?: Dayjs | null;
  note?: string;
}

/** Category, base or amount, and (for hardship) the decision, with the standard computed as you type. */
export function DuesProfileFields({
  form,
  allowHardship = true,
}: {
  form: FormInstance<DuesProfileValues>;
  allowHardship?: boolean;
}) {
  const t = useT();
  const category = Form.useWatch('category', form);
  const base = Form.useWatch('base', form);
  const amount = Form.useWatch('amount', form);
  const preview = category
    ? computeDuesStandard({ category, baseFen: fenOf(base), amountFen: fenOf(amount) })
    : null;
  const options = codeOptions(DUES_CATEGORIES).filter((o) => allowHardship || o.value !== 'hardship_reduced');
  const required = [{ required: true, message: t('common.selectRequired') }];
  return (
    <>
      <Form.Item name="category" label={t('dues.field.category')} rules={required}>
        <Select options={options} data-testid="dues-category" />
      </Form.Item>
      {category && isBasedDuesCategory(category) ? (
        <Form.Item
          name="base"
          label={category === 'retired' ? t('dues.field.pension') : t('dues.field.base')}
          rules={[{ required: true, message: t('dues.baseRequired') }]}
          extra={t('dues.baseHint')}
        >
          <InputNumber<string> stringMode min="0" precision={2} suffix="元" style={{ width: 220 }} />
        </Form.Item>
      ) : null}
      {category === 'farmer' ? (
        <Form.Item name="amount" label={t('dues.field.farmerAmount')} extra={t('dues.farmerHint')}>
          <InputNumber<string>
            stringMode
            min="0.2"
            max="1"
            step="0.1"
            precision={2}
            suffix="元"
            style={{ width: 220 }}
          />
        </Form.Item>
      ) : null}
      {category === 'hardship_reduced' ? (
        <>
          <Form.Item
            name="amount"
            label={t('dues.field.reducedAmount')}
            rules={[{ required: true, message: t('dues.amountRequired') }]}
          >
            <InputNumber<string> stringMode min="0" precision={2} suffix="元" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="hardshipReason"
            label={t('dues.field.hardshipReason')}
            rules={[{ required: true, message: t('dues.hardshipRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item
            name="hardshipDecidedOn"
            label={t('dues.field.hardshipDecidedOn')}
            rules={[{ required: true, message: t('common.dateRequired') }]}
          >
            <DatePicker format={dateFormat} />
          </Form.Item>
          <Form.Item
            name="hardshipApprovedBy"
            label={t('dues.field.hardshipApprovedBy')}
            rules={[{ required: true, message: t('dues.hardshipRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="hardshipApprovedOn"
            label={t('dues.field.hardshipApprovedOn')}
            rules={[{ required: true, message: t('common.dateRequired') }]}
          >
            <DatePicker format={dateFormat} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        name="effectiveFrom"
        label={t('dues.field.effectiveFrom')}
        rules={[{ required: true, message: t('common.dateRequired') }]}
      >
        <DatePicker format={dateFormat} />
      </Form.Item>
      {preview ? (
        preview.ok ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('dues.preview', {
              amount: yuan(preview.value.monthlyFen),
              rate:
                preview.value.basisPoints === null
                  ? t('dues.fixedAmount')
                  : `${preview.value.basisPoints / 100}%`,
            })}
            description={duesCitationText(preview.value.citation)}
            data-testid="dues-preview"
          />
        ) : (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={preview.message} />
        )
      ) : null}
    </>
  );
}
