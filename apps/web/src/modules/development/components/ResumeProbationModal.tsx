import type { GetDevelopmentPersonResponse } from '@zhibu/shared/api';
import { Alert, App, Checkbox, Form, Select } from 'antd';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useDevelopmentMutations } from '../hooks/useDevelopmentMutations.ts';
import { stepName } from '../stepName.ts';
import { MemberSelect } from './MemberSelect.tsx';

interface Values {
  memberId?: string;
  resumeAfterStep: number;
  isTransferredIn: boolean;
}

interface ResumeProbationModalProps {
  open: boolean;
  onClose: () => void;
  onDone: (person: GetDevelopmentPersonResponse) => void;
}

/** A probationary member already on the register continues education and conversion here (steps 19–25). */
export function ResumeProbationModal({ open, onClose, onDone }: ResumeProbationModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { resume } = useDevelopmentMutations();
  const handleError = useApiErrorHandler();
  return (
    <FormModal<Values>
      open={open}
      title={t('development.resumeTitle')}
      form={form}
      name="development-resume-form"
      onCancel={onClose}
      isSubmitting={resume.isPending}
      initialValues={{ resumeAfterStep: 20, isTransferredIn: false }}
      onFinish={(values) => {
        if (!values.memberId) return;
        resume
          .mutateAsync({
            memberId: values.memberId,
            resumeAfterStep: values.resumeAfterStep,
            isTransferredIn: values.isTransferredIn,
          })
          .then((person) => {
            message.success(t('development.resumed'));
            onDone(person);
          })
          .catch((error: unknown) => handleError(error, { form }));
      }}
    >
      <Alert type="info" showIcon title={t('development.resumeHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="memberId"
        label={t('development.field.member')}
        rules={[{ required: true, message: t('common.selectRequired') }]}
      >
        <MemberSelect status="probationary" />
      </Form.Item>
      <Form.Item name="resumeAfterStep" label={t('development.resumeAfterStep')}>
        <Select options={[18, 19, 20, 21, 22].map((n) => ({ value: n, label: stepName(t, n) }))} />
      </Form.Item>
      <Form.Item name="isTransferredIn" valuePropName="checked">
        <Checkbox>{t('development.isTransferredIn')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
