import type { FlowingDirectionCode } from '@zhibu/shared/api';
import { App, Checkbox, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { MemberSelect } from '../../development/components/MemberSelect.tsx';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import { useFlowingMutations } from '../hooks/useFlowingMutations.ts';

interface Values {
  memberId?: string;
  orgId?: string;
  name?: string;
  homeOrgName?: string;
  homeOrgContact?: string;
  place?: string;
  since: Dayjs | null;
  workUnit?: string;
  phone?: string;
  mobilityCardNo?: string;
  expectedReturnOn: Dayjs | null;
  isFixedPlace: boolean;
  isAbroad: boolean;
  isSettledAbroad: boolean;
  note?: string;
}

/** Registers a member going elsewhere (流出) or a member of another org taking part here (流入). */
export function CreateFlowingModal({
  direction,
  onClose,
}: {
  direction: FlowingDirectionCode | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { createOut, createIn } = useFlowingMutations();
  const handleError = useApiErrorHandler();
  const isOut = direction === 'out';
  return (
    <FormModal<Values>
      open={direction !== null}
      title={isOut ? t('flowing.createOutTitle') : t('flowing.createInTitle')}
      form={form}
      name="flowing-create-form"
      testId="flowing-create-form"
      width={600}
      onCancel={onClose}
      isSubmitting={createOut.isPending || createIn.isPending}
      initialValues={{
        since: dayjs(),
        expectedReturnOn: null,
        isFixedPlace: true,
        isAbroad: false,
        isSettledAbroad: false,
      }}
      onFinish={(values) => {
        const since = toIsoDate(values.since);
        if (!since || !values.place) return;
        const common = {
          place: values.place.trim(),
          since,
          workUnit: emptyToNull(values.workUnit),
          phone: emptyToNull(values.phone),
          mobilityCardNo: emptyToNull(values.mobilityCardNo),
          expectedReturnOn: toIsoDate(values.expectedReturnOn),
          isFixedPlace: values.isFixedPlace,
          isAbroad: values.isAbroad,
          isSettledAbroad: values.isSettledAbroad,
          note: emptyToNull(values.note),
        };
        const request = isOut
          ? createOut.mutateAsync({ ...common, memberId: values.memberId ?? '' })
          : createIn.mutateAsync({
              ...common,
              orgId: values.orgId ?? '',
              name: values.name?.trim() ?? '',
              homeOrgName: values.homeOrgName?.trim() ?? '',
              homeOrgContact: emptyToNull(values.homeOrgContact),
            });
        request
          .then(() => {
            message.success(t('flowing.created'));
            onClose();
          })
          .catch((error: unknown) => handleError(error, { form }));
      }}
    >
      {isOut ? (
        <Form.Item
          name="memberId"
          label={t('flowing.field.member')}
          rules={[
            { required: true, message: t('common.pleaseSelect', { field: t('flowing.field.member') }) },
          ]}
        >
          <MemberSelect testId="flowing-member" />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="orgId"
            label={t('flowing.field.hostOrg')}
            rules={[
              { required: true, message: t('common.pleaseSelect', { field: t('flowing.field.hostOrg') }) },
            ]}
          >
            <OrgSelect />
          </Form.Item>
          <Form.Item name="name" label={t('flowing.field.name')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="homeOrgName" label={t('flowing.field.homeOrgName')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="homeOrgContact" label={t('flowing.field.homeOrgContact')}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="place"
        label={isOut ? t('flowing.field.placeOut') : t('flowing.field.placeIn')}
        rules={[{ required: true }]}
      >
        <Input maxLength={200} data-testid="flowing-place" />
      </Form.Item>
      <Space size="middle" wrap>
        <Form.Item
          name="since"
          label={isOut ? t('flowing.field.since') : t('flowing.field.sinceIn')}
          rules={[{ required: true }]}
        >
          <DatePicker format={dateFormat} data-testid="flowing-since" />
        </Form.Item>
        <Form.Item name="expectedReturnOn" label={t('flowing.field.expectedReturnOn')}>
          <DatePicker format={dateFormat} />
        </Form.Item>
      </Space>
      <Space size="middle" wrap>
        <Form.Item name="workUnit" label={t('flowing.field.workUnit')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('flowing.field.phone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="mobilityCardNo" label={t('flowing.field.mobilityCardNo')}>
          <Input maxLength={50} />
        </Form.Item>
      </Space>
      <Space size="large" wrap>
        <Form.Item name="isFixedPlace" valuePropName="checked" noStyle>
          <Checkbox>{t('flowing.field.isFixedPlace')}</Checkbox>
        </Form.Item>
        {isOut ? (
          <>
            <Form.Item name="isAbroad" valuePropName="checked" noStyle>
              <Checkbox>{t('flowing.field.isAbroad')}</Checkbox>
            </Form.Item>
            <Form.Item name="isSettledAbroad" valuePropName="checked" noStyle>
              <Checkbox>{t('flowing.field.isSettledAbroad')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
      </Space>
      <Form.Item name="note" label={t('flowing.field.note')} style={{ marginTop: 16 }}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
