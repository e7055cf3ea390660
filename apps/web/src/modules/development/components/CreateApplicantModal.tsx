import { EDUCATION_LEVELS, ETHNICITIES } from '@zhibu/shared';
import { CreateApplicantRequest, type GetDevelopmentPersonResponse } from '@zhibu/shared/api';
import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { codeOptions } from '../../codes/codeOptions.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { zodRule } from '../../http/zodRule.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import type { OrgOption } from '../../orgs/OrgOption.ts';
import { useDevelopmentMutations } from '../hooks/useDevelopmentMutations.ts';
import { ruleViolationDetail } from '../ruleViolationDetail.ts';
import { RuleViolationAlert } from './RuleViolationAlert.tsx';

interface Values {
  orgId?: string;
  name?: string;
  idNumber?: string;
  ethnicity?: string;
  education?: string;
  phone?: string;
  workUnit?: string;
  appliedOn: Dayjs | null;
  documentNo?: string;
}

interface CreateApplicantModalProps {
  open: boolean;
  org: OrgOption | null;
  onClose: () => void;
  onCreated: (person: GetDevelopmentPersonResponse) => void;
}

/** Step 1: registers someone who handed in an application (refused under 18, with the article). */
export function CreateApplicantModal({ open, org, onClose, onCreated }: CreateApplicantModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create } = useDevelopmentMutations();
  const handleError = useApiErrorHandler();
  const [violation, setViolation] = useState<string | null>(null);
  const fields = CreateApplicantRequest.shape;
  return (
    <FormModal<Values>
      open={open}
      title={t('development.createTitle')}
      form={form}
      name="development-create-form"
      testId="development-create-form"
      onCancel={() => {
        setViolation(null);
        onClose();
      }}
      isSubmitting={create.isPending}
      initialValues={{ orgId: org?.value, appliedOn: null }}
      width={560}
      onFinish={(values) => {
        const appliedOn = toIsoDate(values.appliedOn);
        if (!values.orgId || !values.name || !values.idNumber || !appliedOn) return;
        setViolation(null);
        create
          .mutateAsync({
            orgId: values.orgId,
            name: values.name.trim(),
            idNumber: values.idNumber.trim(),
            ethnicity: emptyToNull(values.ethnicity),
            education: emptyToNull(values.education),
            phone: emptyToNull(values.phone),
            workUnit: emptyToNull(values.workUnit),
            appliedOn,
            documentNo: emptyToNull(values.documentNo),
          })
          .then((person) => {
            message.success(t('development.created'));
            onCreated(person);
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
        name="orgId"
        label={t('development.field.org')}
        rules={[{ required: true, message: t('members.orgRequired') }]}
      >
        <OrgSelect initialOption={org} testId="development-create-org" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('development.field.name')}
        rules={[{ required: true, message: t('members.nameRequired') }, zodRule(fields.name)]}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('development.field.idNumber')}
        rules={[{ required: true, message: t('members.idNumberRequired') }]}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="appliedOn"
        label={t('development.field.appliedOn')}
        rules={[{ required: true, message: t('common.dateRequired') }]}
      >
        <DatePicker format={dateFormat} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="ethnicity" label={t('development.field.ethnicity')}>
        <Select options={codeOptions(ETHNICITIES)} showSearch allowClear />
      </Form.Item>
      <Form.Item name="education" label={t('development.field.education')}>
        <Select options={codeOptions(EDUCATION_LEVELS)} allowClear />
      </Form.Item>
      <Form.Item name="phone" label={t('development.field.phone')}>
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="workUnit" label={t('development.field.workUnit')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="documentNo" label={t('development.field.documentNo')}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
