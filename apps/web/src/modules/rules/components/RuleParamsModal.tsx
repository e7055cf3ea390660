import { ORG_CATEGORIES } from '@zhibu/shared';
import type { RuleInfo, RuleParamField } from '@zhibu/shared/api';
import { App, Button, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { codeName } from '../../codes/codeName.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useUpdateRuleParams } from '../hooks/useUpdateRuleParams.ts';

type Values = Record<string, unknown>;

function optionLabel(value: string): string {
  return codeName(ORG_CATEGORIES, value) || value;
}

function ParamInput({ field }: { field: RuleParamField }) {
  if (field.type === 'integer' || field.type === 'number') {
    return (
      <InputNumber
        min={field.min ?? undefined}
        max={field.max ?? undefined}
        precision={field.type === 'integer' ? 0 : undefined}
        style={{ width: 200 }}
      />
    );
  }
  if (field.type === 'string[]') {
    return (
      <Select
        mode="multiple"
        options={(field.options ?? []).map((v) => ({ value: v, label: optionLabel(v) }))}
      />
    );
  }
  if (field.type === 'string') return <Input />;
  return <Input.TextArea rows={3} />;
}

/** Edits one rule's parameters through a form built from the rule's own schema (system administrators). */
export function RuleParamsModal({ rule, onClose }: { rule: RuleInfo | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateRuleParams();
  const handleError = useApiErrorHandler();

  const save = (body: { params: Values; reset?: boolean }) => {
    if (!rule) return;
    update
      .mutateAsync({ id: rule.id, body: { ...body, version: rule.version } })
      .then(() => {
        message.success(body.reset ? t('rules.resetDone') : t('common.saved'));
        onClose();
      })
      .catch((error: unknown) => handleError(error, { form, onConflict: onClose }));
  };

  return (
    <FormModal<Values>
      open={rule !== null}
      title={t('rules.editTitle', { id: rule?.id ?? '' })}
      form={form}
      onCancel={onClose}
      isSubmitting={update.isPending}
      initialValues={rule?.params}
      name="rule-params-form"
      testId="rule-params-form"
      width={560}
      onFinish={(values) => save({ params: values })}
    >
      {rule ? (
        <>
          <Typography.Paragraph>
            {rule.title}
            <br />
            <Typography.Text type="secondary">{rule.citation}</Typography.Text>
          </Typography.Paragraph>
          {rule.fields.map((field) =>
            field.type === 'boolean' ? (
              <Form.Item
                key={field.key}
                name={field.key.split('.')}
                label={field.label}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            ) : (
              <Form.Item
                key={field.key}
                name={field.key.split('.')}
                label={field.label}
                rules={[{ required: true, message: t('rules.paramRequired') }]}
              >
                <ParamInput field={field} />
              </Form.Item>
            ),
          )}
          {rule.isCustomized ? (
            <Button onClick={() => save({ params: {}, reset: true })} loading={update.isPending}>
              {t('rules.reset')}
            </Button>
          ) : null}
        </>
      ) : null}
    </FormModal>
  );
}
