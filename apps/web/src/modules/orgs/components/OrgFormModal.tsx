import { canHaveChild, ORG_CATEGORIES, ORG_TYPES, type OrgTypeCode } from '@zhibu/shared';
import { CreateOrgRequest, type GetOrgResponse, type UpdateOrgRequest } from '@zhibu/shared/api';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../i18n/useT.ts';
import { dateFormat } from '../../../lib/dateFormat.ts';
import { emptyToNull } from '../../../lib/emptyToNull.ts';
import { fromIsoDate } from '../../../lib/fromIsoDate.ts';
import { toIsoDate } from '../../../lib/toIsoDate.ts';
import { codeOptions } from '../../codes/codeOptions.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { zodRule } from '../../http/zodRule.ts';
import { useOrgMutations } from '../hooks/useOrgMutations.ts';
import type { OrgFormTarget } from '../OrgFormTarget.ts';

interface OrgFormValues {
  name: string;
  shortName?: string;
  code?: string;
  type?: OrgTypeCode;
  category?: CreateOrgRequest['category'];
  divisionCode?: string;
  establishedOn?: Dayjs | null;
  termStartedOn?: Dayjs | null;
  termYears?: number | null;
  secretaryName?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
}

interface OrgFormModalProps {
  target: OrgFormTarget | null;
  onClose: () => void;
  onSaved?: (id: string) => void;
}

const shape = CreateOrgRequest.shape;

function toFormValues(org: GetOrgResponse): OrgFormValues {
  return {
    name: org.name,
    shortName: org.shortName ?? '',
    code: org.code ?? '',
    type: org.type,
    category: org.category,
    divisionCode: org.divisionCode ?? '',
    establishedOn: fromIsoDate(org.establishedOn),
    termStartedOn: fromIsoDate(org.termStartedOn),
    termYears: org.termYears,
    secretaryName: org.secretaryName ?? '',
    contactName: org.contactName ?? '',
    contactPhone: org.contactPhone ?? '',
    address: org.address ?? '',
  };
}

type OrgFields = ReturnType<typeof toFields>;

function toFields(values: OrgFormValues) {
  return {
    name: values.name.trim(),
    shortName: emptyToNull(values.shortName),
    code: emptyToNull(values.code),
    divisionCode: emptyToNull(values.divisionCode),
    establishedOn: toIsoDate(values.establishedOn),
    termStartedOn: toIsoDate(values.termStartedOn),
    termYears: values.termYears ?? null,
    secretaryName: emptyToNull(values.secretaryName),
    contactName: emptyToNull(values.contactName),
    contactPhone: emptyToNull(values.contactPhone),
    address: emptyToNull(values.address),
  };
}

/** Create a (child) org or edit one; only changed fields are sent on edit, with the record's version. */
export function OrgFormModal({ target, onClose, onSaved }: OrgFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const { create, update } = useOrgMutations();
  const handleError = useApiErrorHandler();

  const parentType = target?.mode === 'create' ? target.parent?.type : undefined;
  const typeOptions = codeOptions(ORG_TYPES).filter(
    (option) => parentType === undefined || canHaveChild(parentType, option.value),
  );

  const onFinish = (values: OrgFormValues) => {
    if (!target || !values.type || !values.category) return;
    const fields = toFields(values);
    if (target.mode === 'create') {
      const body: CreateOrgRequest = {
        ...fields,
        parentId: target.parent?.id ?? null,
        type: values.type,
        category: values.category,
      };
      create.mutate(body, {
        onSuccess: (org) => {
          message.success(t('orgs.created'));
          onSaved?.(org.id);
          onClose();
        },
        onError: (error) => handleError(error, { form, codeFields: { DUPLICATE_ORG_CODE: 'code' } }),
      });
      return;
    }
    const original = toFields(toFormValues(target.org));
    const changedKeys = (Object.keys(fields) as (keyof OrgFields)[]).filter(
      (key) => fields[key] !== original[key],
    );
    const changes: Partial<OrgFields> = Object.fromEntries(changedKeys.map((key) => [key, fields[key]]));
    const body: UpdateOrgRequest = {
      ...changes,
      ...(values.type !== target.org.type ? { type: values.type } : {}),
      ...(values.category !== target.org.category ? { category: values.category } : {}),
      version: target.org.version,
    };
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    update.mutate(
      { id: target.org.id, body },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onSaved?.(target.org.id);
          onClose();
        },
        onError: (error) =>
          handleError(error, {
            form,
            onConflict: onClose,
            codeFields: { DUPLICATE_ORG_CODE: 'code', ORG_TYPE_CHANGE_INVALID: 'type' },
          }),
      },
    );
  };

  const title =
    target?.mode === 'edit'
      ? t('orgs.editTitle')
      : target?.parent
        ? t('orgs.createChildTitle', { parent: target.parent.name })
        : t('orgs.createRootTitle');

  return (
    <FormModal<OrgFormValues>
      open={target !== null}
      title={title}
      form={form}
      width={720}
      onCancel={onClose}
      onFinish={onFinish}
      isSubmitting={create.isPending || update.isPending}
      initialValues={target?.mode === 'edit' ? toFormValues(target.org) : { termYears: 3 }}
      name="org-form"
      testId="org-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item
            name="name"
            label={t('orgs.field.name')}
            rules={[
              { required: true, whitespace: true, message: t('orgs.nameRequired') },
              zodRule(shape.name),
            ]}
          >
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="shortName" label={t('orgs.field.shortName')} rules={[zodRule(shape.shortName)]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="type"
            label={t('orgs.field.type')}
            rules={[{ required: true, message: t('common.selectRequired') }]}
          >
            <Select options={typeOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="category"
            label={t('orgs.field.category')}
            rules={[{ required: true, message: t('common.selectRequired') }]}
          >
            <Select options={codeOptions(ORG_CATEGORIES)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="code" label={t('orgs.field.code')} rules={[zodRule(shape.code)]}>
            <Input maxLength={12} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="divisionCode"
            label={t('orgs.field.divisionCode')}
            rules={[zodRule(shape.divisionCode)]}
          >
            <Input maxLength={12} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="establishedOn" label={t('orgs.field.establishedOn')}>
            <DatePicker format={dateFormat} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="termStartedOn" label={t('orgs.field.termStartedOn')}>
            <DatePicker format={dateFormat} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="termYears" label={t('orgs.field.termYears')}>
            <InputNumber min={1} max={5} precision={0} style={{ width: '100%' }} suffix={t('orgs.years')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="secretaryName"
            label={t('orgs.field.secretaryName')}
            rules={[zodRule(shape.secretaryName)]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="contactName"
            label={t('orgs.field.contactName')}
            rules={[zodRule(shape.contactName)]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="contactPhone"
            label={t('orgs.field.contactPhone')}
            rules={[zodRule(shape.contactPhone)]}
          >
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('orgs.field.address')} rules={[zodRule(shape.address)]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
