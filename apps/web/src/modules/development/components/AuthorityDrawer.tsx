import {
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import { useAdmissionAuthorities } from '../hooks/useAdmissionAuthorities.ts';
import { useDevelopmentMutations } from '../hooks/useDevelopmentMutations.ts';
import { ruleViolationDetail } from '../ruleViolationDetail.ts';

interface Values {
  orgId?: string;
  grantedOn: Dayjs | null;
  basis?: string;
}

/** Which 党委 may approve admissions (D7), and granting or revoking it from above. */
export function AuthorityDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const list = useAdmissionAuthorities(open);
  const { grant, revoke } = useDevelopmentMutations();
  const handleError = useApiErrorHandler();
  const onError = (error: unknown) => {
    const detail = ruleViolationDetail(error);
    if (detail) message.error(detail);
    else handleError(error, { form });
  };
  return (
    <Drawer open={open} onClose={onClose} size={520} title={t('development.authoritiesTitle')}>
      <Typography.Paragraph type="secondary">{t('development.authorityHint')}</Typography.Paragraph>
      <List
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: <Empty description={t('development.authorityEmpty')} /> }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Popconfirm
                key="revoke"
                title={t('development.revokeConfirm', { name: item.orgName })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  revoke
                    .mutateAsync(item.orgId)
                    .then(() => message.success(t('development.revoked')))
                    .catch(onError)
                }
              >
                <Button size="small" danger>
                  {t('development.revoke')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={item.orgName}
              description={[item.grantedOn, item.basis].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        name="development-authority-form"
        initialValues={{ grantedOn: dayjs() }}
        style={{ marginTop: 16 }}
        onFinish={(values) => {
          const grantedOn = toIsoDate(values.grantedOn);
          if (!values.orgId || !grantedOn) return;
          grant
            .mutateAsync({ orgId: values.orgId, body: { grantedOn, basis: emptyToNull(values.basis) } })
            .then(() => {
              message.success(t('development.granted'));
              form.resetFields();
            })
            .catch(onError);
        }}
      >
        <Form.Item name="orgId" label={t('development.field.actingOrg')} rules={[{ required: true }]}>
          <OrgSelect />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="grantedOn" label={t('development.grantedOnLabel')} style={{ flex: 1 }}>
            <DatePicker format={dateFormat} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="basis" label={t('development.basisLabel')} style={{ flex: 2 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={grant.isPending}>
          {t('development.grant')}
        </Button>
      </Form>
    </Drawer>
  );
}
