import { MEMBER_STATUSES, type MemberStatusCode } from '@zhibu/shared';
import type { TransferReasonCode } from '@zhibu/shared/api';
import { App, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { codeOptions } from '../../codes/codeOptions.ts';
import { RuleViolationAlert } from '../../development/components/RuleViolationAlert.tsx';
import { ruleViolationDetail } from '../../development/ruleViolationDetail.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import { useTransferMutations } from '../hooks/useTransferMutations.ts';
import { TRANSFER_REASONS } from '../transferReasons.ts';

interface Values {
  toOrgId?: string;
  origin?: string;
  letterNo?: string;
  issuedOn: Dayjs | null;
  validUntil: Dayjs | null;
  reason: TransferReasonCode;
  person: {
    name?: string;
    idNumber?: string;
    status: MemberStatusCode;
    joinedOn: Dayjs | null;
    confirmedOn: Dayjs | null;
    phone?: string;
  };
}

/** The receiving side registers a letter from an org outside the system; accepting it adds the member. */
export function RegisterIncomingModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { registerIn } = useTransferMutations();
  const handleError = useApiErrorHandler();
  const [violation, setViolation] = useState<string | null>(null);
  const status = Form.useWatch(['person', 'status'], form);
  const close = () => {
    setViolation(null);
    onClose();
  };
  return (
    <FormModal<Values>
      open={open}
      title={t('transfers.registerInTitle')}
      form={form}
      name="transfer-in-form"
      width={600}
      onCancel={close}
      isSubmitting={registerIn.isPending}
      initialValues={{
        issuedOn: dayjs(),
        validUntil: null,
        reason: 'residence_change',
        person: { status: 'full', joinedOn: null, confirmedOn: null },
      }}
      onFinish={(values) => {
        const issuedOn = toIsoDate(values.issuedOn);
        const joinedOn = toIsoDate(values.person.joinedOn);
        if (!values.toOrgId || !values.origin || !values.letterNo || !issuedOn || !joinedOn) return;
        setViolation(null);
        registerIn
          .mutateAsync({
            toOrgId: values.toOrgId,
            origin: values.origin.trim(),
            letterNo: values.letterNo.trim(),
            issuedOn,
            validUntil: toIsoDate(values.validUntil),
            reason: values.reason,
            person: {
              name: values.person.name?.trim() ?? '',
              idNumber: values.person.idNumber?.trim() ?? '',
              status: values.person.status,
              joinedOn,
              confirmedOn: values.person.status === 'full' ? toIsoDate(values.person.confirmedOn) : null,
              phone: emptyToNull(values.person.phone),
            },
          })
          .then(() => {
            message.success(t('transfers.registered'));
            close();
          })
          .catch((error: unknown) => {
            const detail = ruleViolationDetail(error);
            if (detail) setViolation(detail);
            else handleError(error, { form });
          });
      }}
    >
      <RuleViolationAlert detail={violation} />
      <Form.Item
        name="toOrgId"
        label={t('transfers.field.toOrgHere')}
        rules={[
          { required: true, message: t('common.pleaseSelect', { field: t('transfers.field.toOrgHere') }) },
        ]}
      >
        <OrgSelect />
      </Form.Item>
      <Form.Item name="origin" label={t('transfers.field.origin')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Space size="middle" wrap>
        <Form.Item name="letterNo" label={t('transfers.field.letterNo')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('transfers.field.issuedOn')}
          rules={[
            { required: true, message: t('common.pleaseSelect', { field: t('transfers.field.issuedOn') }) },
          ]}
        >
          <DatePicker format={dateFormat} />
        </Form.Item>
        <Form.Item
          name="validUntil"
          label={t('transfers.field.validUntil')}
          extra={t('transfers.validUntilHint')}
        >
          <DatePicker format={dateFormat} />
        </Form.Item>
      </Space>
      <Form.Item name="reason" label={t('transfers.field.reason')}>
        <Select options={TRANSFER_REASONS.map((r) => ({ value: r, label: t(`transfers.reason.${r}`) }))} />
      </Form.Item>
      <Space size="middle" wrap>
        <Form.Item name={['person', 'name']} label={t('transfers.field.name')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name={['person', 'idNumber']}
          label={t('transfers.field.idNumber')}
          rules={[{ required: true }]}
        >
          <Input maxLength={18} style={{ width: 220 }} />
        </Form.Item>
      </Space>
      <Space size="middle" wrap>
        <Form.Item name={['person', 'status']} label={t('transfers.field.personStatus')}>
          <Select options={codeOptions(MEMBER_STATUSES)} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name={['person', 'joinedOn']}
          label={t('transfers.field.joinedOn')}
          rules={[{ required: true }]}
        >
          <DatePicker format={dateFormat} />
        </Form.Item>
        {status === 'full' ? (
          <Form.Item name={['person', 'confirmedOn']} label={t('transfers.field.confirmedOn')}>
            <DatePicker format={dateFormat} />
          </Form.Item>
        ) : null}
      </Space>
      <Form.Item name={['person', 'phone']} label={t('development.field.phone')}>
        <Input maxLength={20} />
      </Form.Item>
    </FormModal>
  );
}
