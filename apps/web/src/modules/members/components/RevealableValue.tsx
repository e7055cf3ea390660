import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import type { RevealField } from '../api/RevealField.ts';
import { useMemberMutations } from '../hooks/useMemberMutations.ts';

interface RevealableValueProps {
  memberId: string;
  field: RevealField;
  masked: string | null;
}

/** A masked ID number or phone with 查看: after a confirmation (the reveal is audited) the full value shows. */
export function RevealableValue({ memberId, field, masked }: RevealableValueProps) {
  const t = useT();
  const { modal } = App.useApp();
  const { reveal } = useMemberMutations();
  const handleError = useApiErrorHandler();
  const [value, setValue] = useState<string | null>(null);

  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;
  if (value !== null) {
    return (
      <Typography.Text copyable data-testid={`revealed-${field}`}>
        {value}
      </Typography.Text>
    );
  }
  return (
    <Flex align="center" gap={4} wrap>
      <Typography.Text>{masked}</Typography.Text>
      <Button
        size="small"
        type="link"
        icon={<EyeOutlined />}
        loading={reveal.isPending}
        data-testid={`reveal-${field}`}
        onClick={() =>
          modal.confirm({
            title: t('members.revealTitle'),
            content: t('members.revealConfirm'),
            okText: t('members.reveal'),
            cancelText: t('common.cancel'),
            onOk: () =>
              reveal
                .mutateAsync({ id: memberId, field })
                .then((result) => setValue(result.value ?? ''))
                .catch((error: unknown) => handleError(error)),
          })
        }
      >
        {t('members.reveal')}
      </Button>
    </Flex>
  );
}
