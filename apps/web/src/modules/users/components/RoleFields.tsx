import { RoleCode } from '@zhibu/shared/api';
import { Col, Form, Row, Select } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import { roleLabelKeys } from '../roleLabelKeys.ts';

/**
 * Role and the org it is bound to (its data scope). Only 系统管理员 may be unbound; every other role
 * needs an org.
 */
export function RoleFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const role: RoleCode | undefined = Form.useWatch('role', form);
  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Form.Item
          name="role"
          label={t('users.field.role')}
          rules={[{ required: true, message: t('common.selectRequired') }]}
        >
          <Select
            options={RoleCode.options.map((code) => ({ value: code, label: t(roleLabelKeys[code]) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={14}>
        <Form.Item
          name="orgId"
          label={t('users.field.org')}
          extra={role === 'admin' ? t('users.adminOrgHint') : t('users.orgHint')}
          rules={[{ required: role !== 'admin', message: t('users.orgRequired') }]}
        >
          <OrgSelect allowClear />
        </Form.Item>
      </Col>
    </Row>
  );
}
