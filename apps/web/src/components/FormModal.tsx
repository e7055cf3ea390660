import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useT } from '../i18n/useT.ts';

interface FormModalProps<Values> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<Values>;
  onCancel: () => void;
  onFinish: (values: Values) => void;
  isSubmitting?: boolean;
  initialValues?: Partial<Values>;
  okText?: ReactNode;
  width?: number;
  isDanger?: boolean;
  /** Form name: prefixes the field ids, so labels stay bound when another form on the page has the same fields. */
  name: string;
  /** False for a step the user must complete (no close button, no Esc, no cancel). */
  isCancelable?: boolean;
  testId?: string;
  children: ReactNode;
}

/**
 * Puts the initial values back once the form is mounted. The store outlives the modal (its
 * instance comes from the caller) and is cleared when the modal closes; under React's StrictMode
 * the simulated unmount clears it again after the initial values were applied.
 */
function ResetOnMount({ form }: { form: Pick<FormInstance, 'resetFields'> }) {
  useEffect(() => form.resetFields(), [form]);
  return null;
}

/**
 * A modal whose whole body, footer included, is one <form>: the OK button is the submit button, so
 * Enter in any field submits and the browser's own form semantics apply.
 */
export function FormModal<Values>({
  open,
  title,
  form,
  onCancel,
  onFinish,
  isSubmitting,
  initialValues,
  okText,
  width,
  isDanger,
  name,
  isCancelable = true,
  testId,
  children,
}: FormModalProps<Values>) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: isSubmitting, danger: isDanger }}
      cancelButtonProps={isCancelable ? undefined : { style: { display: 'none' } }}
      closable={isCancelable}
      keyboard={isCancelable}
      width={width}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name={name}
          layout="vertical"
          initialValues={initialValues}
          onFinish={onFinish}
          clearOnDestroy
          scrollToFirstError
          data-testid={testId}
        >
          <ResetOnMount form={form} />
          {dom}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
