import { DissolveOrgRequest, type GetOrgResponse } from '@zhibu/shared/api';
import { Alert, App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { zodRule } from '../../http/zodRule.ts';
import { useOrgMutations } from '../hooks/useOrgMutations.ts';

interface DissolveValues {
  dissolvedOn: Dayjs | null;
  reason: string;
}

interface DissolveOrgModalProps {
  org: GetOrgResponse | null;
  onClose: () => void;
}

/** Dissolve (撤销) an org with date and reason, after a second confirmation. */
export function DissolveOrgModal({ org, onClose }: DissolveOrgModalProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<DissolveValues>();
  const { dissolve } = useOrgMutations();
  const handleError = useApiErrorHandler();

  return (
    <FormModal<DissolveValues>
      open={org !== null}
      title={t('orgs.dissolveTitle', { name: org?.name ?? '' })}
      form={form}
      okText={t('orgs.dissolve')}
      isDanger
      onCancel={onClose}
      isSubmitting={dissolve.isPending}
      initialValues={{ dissolvedOn: dayjs() }}
      name="org-dissolve-form"
      testId="org-dissolve-form"
      onFinish={(values) => {
        const dissolvedOn = toIsoDate(values.dissolvedOn);
        if (!org || !dissolvedOn) return;
        modal.confirm({
          title: t('orgs.dissolveConfirmTitle'),
          content: t('orgs.dissolveConfirm', { name: org.name }),
          okText: t('orgs.dissolve'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () =>
            dissolve
              .mutateAsync({
                id: org.id,
                body: { dissolvedOn, reason: values.reason.trim(), version: org.version },
              })
              .then(() => {
                message.success(t('orgs.dissolvedDone'));
                onClose();
              })
              .catch((error: unknown) => handleError(error, { form, onConflict: onClose })),
        });
      }}
    >
      <Alert type="warning" showIcon title={t('orgs.dissolveWarning')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="dissolvedOn"
        label={t('orgs.field.dissolvedOn')}
        rules={[{ required: true, message: t('common.dateRequired') }]}
      >
        <DatePicker format={dateFormat} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('orgs.field.dissolvedReason')}
        rules={[
          { required: true, whitespace: true, message: t('orgs.reasonRequired') },
          zodRule(DissolveOrgRequest.shape.reason),
        ]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}
