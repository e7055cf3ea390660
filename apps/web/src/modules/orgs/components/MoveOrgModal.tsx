import type { GetOrgResponse } from '@zhibu/shared/api';
import { App, Form, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useOrgMutations } from '../hooks/useOrgMutations.ts';
import type { OrgOption } from '../OrgOption.ts';
import { OrgSelect } from './OrgSelect.tsx';

interface MoveValues {
  parentId: string | null;
}

interface MoveOrgModalProps {
  org: GetOrgResponse | null;
  onClose: () => void;
}

/** Pick a new parent, confirm, move the org with its whole subtree. */
export function MoveOrgModal({ org, onClose }: MoveOrgModalProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<MoveValues>();
  const [target, setTarget] = useState<OrgOption | null>(null);
  const { move } = useOrgMutations();
  const handleError = useApiErrorHandler();
  const currentParent = org?.ancestors.at(-1);

  return (
    <FormModal<MoveValues>
      open={org !== null}
      title={t('orgs.moveTitle')}
      form={form}
      okText={t('orgs.move')}
      onCancel={onClose}
      isSubmitting={move.isPending}
      name="org-move-form"
      testId="org-move-form"
      onFinish={(values) => {
        if (!org || !values.parentId) return;
        const parentId = values.parentId;
        modal.confirm({
          title: t('orgs.moveConfirmTitle'),
          content: t('orgs.moveConfirm', { name: org.name, parent: target?.label ?? '' }),
          okText: t('orgs.move'),
          cancelText: t('common.cancel'),
          onOk: () =>
            move
              .mutateAsync({ id: org.id, body: { parentId, version: org.version } })
              .then(() => {
                message.success(t('orgs.moved'));
                onClose();
              })
              .catch((error: unknown) => handleError(error, { form, onConflict: onClose })),
        });
      }}
    >
      <Typography.Paragraph>
        {t('orgs.moveCurrent', { name: org?.name ?? '', parent: currentParent?.name ?? t('orgs.noParent') })}
      </Typography.Paragraph>
      <Form.Item
        name="parentId"
        label={t('orgs.newParent')}
        rules={[{ required: true, message: t('common.selectRequired') }]}
      >
        <OrgSelect
          excludeId={org?.id}
          onChange={(_value, option) => setTarget(option ?? null)}
          testId="org-move-parent"
        />
      </Form.Item>
    </FormModal>
  );
}
