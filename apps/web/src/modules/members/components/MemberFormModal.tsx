import {
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  type GenderCode,
  MEMBER_STATUSES,
  type MemberStatusCode,
  normalizePhone,
  parseCitizenId,
} from '@zhibu/shared';
import { CreateMemberRequest, type Member, type UpdateMemberRequest } from '@zhibu/shared/api';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { fromIsoDate } from '../../../lib/fromIsoDate.ts';
import { resultRule } from '../../../lib/resultRule.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { codeOptions } from '../../codes/codeOptions.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { zodRule } from '../../http/zodRule.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import { useMemberMutations } from '../hooks/useMemberMutations.ts';
import type { MemberFormTarget } from '../MemberFormTarget.ts';

interface MemberFormValues {
  orgId: string | null;
  name: string;
  idNumber?: string;
  gender?: GenderCode | null;
  birthDate?: Dayjs | null;
  ethnicity?: string | null;
  nativePlace?: string;
  education?: string | null;
  status?: MemberStatusCode;
  joinedOn?: Dayjs | null;
  confirmedOn?: Dayjs | null;
  workUnit?: string;
  post?: string;
  phone?: string;
  address?: string;
  remark?: string;
}

interface MemberFormModalProps {
  target: MemberFormTarget | null;
  onClose: () => void;
  onSaved?: (member: Member) => void;
}

const shape = CreateMemberRequest.shape;
const noFuture = (current: Dayjs) => current.isAfter(dayjs(), 'day');

function toFormValues(member: Member): MemberFormValues {
  return {
    orgId: member.orgId,
    name: member.name,
    idNumber: '',
    gender: member.gender,
    birthDate: fromIsoDate(member.birthDate),
    ethnicity: member.ethnicity,
    nativePlace: member.nativePlace ?? '',
    education: member.education,
    status: member.status,
    joinedOn: fromIsoDate(member.joinedOn),
    confirmedOn: fromIsoDate(member.confirmedOn),
    workUnit: member.workUnit ?? '',
    post: member.post ?? '',
    phone: '',
    address: member.address ?? '',
    remark: member.remark ?? '',
  };
}

type MemberFields = ReturnType<typeof toFields>;

/** Fields shared by create and edit, in API form (empty text → null, dates → YYYY-MM-DD). */
function toFields(values: MemberFormValues) {
  return {
    orgId: values.orgId ?? '',
    name: values.name.trim(),
    ethnicity: values.ethnicity ?? null,
    nativePlace: emptyToNull(values.nativePlace),
    education: values.education ?? null,
    confirmedOn: toIsoDate(values.confirmedOn),
    workUnit: emptyToNull(values.workUnit),
    post: emptyToNull(values.post),
    address: emptyToNull(values.address),
    remark: emptyToNull(values.remark),
  };
}

/**
 * Add a member or edit one. Gender and birth date fill themselves from a valid ID number. On edit the
 * ID number and phone are blank (they are masked): typing one replaces it, leaving it blank keeps it.
 */
export function MemberFormModal({ target, onClose, onSaved }: MemberFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const { create, update } = useMemberMutations();
  const handleError = useApiErrorHandler();
  const isEdit = target?.mode === 'edit';

  const onFinish = (values: MemberFormValues) => {
    if (!target || !values.orgId || !values.status) return;
    const fields = toFields(values);
    const joinedOn = toIsoDate(values.joinedOn);
    const idNumber = values.idNumber?.trim() || undefined;
    const phone = values.phone?.trim() || undefined;
    const gender = values.gender ?? undefined;
    const birthDate = toIsoDate(values.birthDate) ?? undefined;
    const onError = (error: unknown) =>
      handleError(error, {
        form,
        onConflict: target.mode === 'edit' ? onClose : undefined,
        codeFields: { DUPLICATE_ID_NUMBER: 'idNumber', ID_REGISTERED_ELSEWHERE: 'idNumber' },
      });

    if (target.mode === 'create') {
      if (!idNumber || !joinedOn) return;
      const body: CreateMemberRequest = {
        ...fields,
        idNumber,
        status: values.status,
        joinedOn,
        gender,
        birthDate,
        phone: phone ?? null,
      };
      create.mutate(body, {
        onSuccess: (member) => {
          message.success(t('members.created'));
          onSaved?.(member);
          onClose();
        },
        onError,
      });
      return;
    }

    const { member } = target;
    const original = toFields(toFormValues(member));
    const changedKeys = (Object.keys(fields) as (keyof MemberFields)[]).filter(
      (key) => fields[key] !== original[key],
    );
    const changes: Partial<MemberFields> = Object.fromEntries(changedKeys.map((key) => [key, fields[key]]));
    const body: UpdateMemberRequest = {
      ...changes,
      ...(values.status !== member.status ? { status: values.status } : {}),
      ...(joinedOn && joinedOn !== member.joinedOn ? { joinedOn } : {}),
      ...(gender && gender !== member.gender ? { gender } : {}),
      ...(birthDate && birthDate !== member.birthDate ? { birthDate } : {}),
      ...(idNumber ? { idNumber } : {}),
      ...(phone ? { phone } : {}),
      version: member.version,
    };
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    update.mutate(
      { id: member.id, body },
      {
        onSuccess: (saved) => {
          message.success(t('common.saved'));
          onSaved?.(saved);
          onClose();
        },
        onError,
      },
    );
  };

  const initialValues: Partial<MemberFormValues> =
    target?.mode === 'edit'
      ? toFormValues(target.member)
      : { orgId: target?.org?.value ?? null, status: 'probationary', ethnicity: '01' };
  const orgOption =
    target?.mode === 'edit'
      ? { value: target.member.orgId, label: target.member.orgName }
      : (target?.org ?? null);

  return (
    <FormModal<MemberFormValues>
      open={target !== null}
      title={isEdit ? t('members.editTitle', { name: target.member.name }) : t('members.createTitle')}
      form={form}
      width={860}
      onCancel={onClose}
      onFinish={onFinish}
      isSubmitting={create.isPending || update.isPending}
      initialValues={initialValues}
      name="member-form"
      testId="member-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="name"
            label={t('members.field.name')}
            rules={[
              { required: true, whitespace: true, message: t('members.nameRequired') },
              zodRule(shape.name),
            ]}
          >
            <Input maxLength={50} autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="idNumber"
            label={t('members.field.idNumber')}
            extra={isEdit ? t('members.keepIfBlank', { masked: target.member.idNumberMasked }) : undefined}
            rules={[
              ...(isEdit
                ? []
                : [{ required: true, whitespace: true, message: t('members.idNumberRequired') }]),
              resultRule((raw) => parseCitizenId(raw)),
            ]}
          >
            <Input
              maxLength={30}
              autoComplete="off"
              placeholder={isEdit ? target.member.idNumberMasked : undefined}
              onBlur={(event) => {
                const parsed = parseCitizenId(event.target.value);
                if (parsed.ok) {
                  form.setFieldsValue({
                    gender: parsed.value.gender,
                    birthDate: fromIsoDate(parsed.value.birthDate),
                  });
                }
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="gender"
            label={t('members.field.gender')}
            extra={isEdit ? undefined : t('members.fromIdNumber')}
          >
            <Select allowClear options={codeOptions(GENDERS)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="birthDate" label={t('members.field.birthDate')}>
            <DatePicker format={dateFormat} style={{ width: '100%' }} disabledDate={noFuture} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="ethnicity" label={t('members.field.ethnicity')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={codeOptions(ETHNICITIES)}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="education" label={t('members.field.education')}>
            <Select allowClear options={codeOptions(EDUCATION_LEVELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="nativePlace"
            label={t('members.field.nativePlace')}
            rules={[zodRule(shape.nativePlace)]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="phone"
            label={t('members.field.phone')}
            extra={
              isEdit && target.member.phoneMasked
                ? t('members.keepIfBlank', { masked: target.member.phoneMasked })
                : undefined
            }
            rules={[resultRule((raw) => normalizePhone(raw))]}
          >
            <Input
              maxLength={30}
              inputMode="tel"
              autoComplete="off"
              placeholder={isEdit ? (target.member.phoneMasked ?? undefined) : undefined}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="orgId"
            label={t('members.field.org')}
            rules={[{ required: true, message: t('members.orgRequired') }]}
          >
            <OrgSelect initialOption={orgOption} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="status"
            label={t('members.field.status')}
            rules={[{ required: true, message: t('common.selectRequired') }]}
          >
            <Select options={codeOptions(MEMBER_STATUSES)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="joinedOn"
            label={t('members.field.joinedOn')}
            rules={[{ required: true, message: t('common.dateRequired') }]}
          >
            <DatePicker format={dateFormat} style={{ width: '100%' }} disabledDate={noFuture} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="confirmedOn"
            label={t('members.field.confirmedOn')}
            dependencies={['joinedOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: Dayjs | null | undefined) => {
                  const joined: Dayjs | null | undefined = getFieldValue('joinedOn');
                  if (value && joined && value.isBefore(joined, 'day'))
                    throw new Error(t('members.confirmedBeforeJoined'));
                },
              }),
            ]}
          >
            <DatePicker format={dateFormat} style={{ width: '100%' }} disabledDate={noFuture} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="post" label={t('members.field.post')} rules={[zodRule(shape.post)]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="workUnit" label={t('members.field.workUnit')} rules={[zodRule(shape.workUnit)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t('members.field.address')} rules={[zodRule(shape.address)]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="remark" label={t('members.field.remark')} rules={[zodRule(shape.remark)]}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
