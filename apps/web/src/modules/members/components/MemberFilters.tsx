import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { EDUCATION_LEVELS, ETHNICITIES, GENDERS, MEMBER_STATUSES } from '@zhibu/shared';
import { Button, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { codeOptions } from '../../codes/codeOptions.ts';
import { ageBands } from '../ageBands.ts';
import type { MemberSearch } from '../MemberSearch.ts';

type FilterValues = Omit<MemberSearch, 'orgId' | 'page' | 'pageSize'>;

interface MemberFiltersProps {
  value: MemberSearch;
  onSearch: (values: FilterValues) => void;
}

const CITIZEN_ID_SHAPE = /^\d{17}[\dXx]$/;

const emptyFilters: FilterValues = {
  q: undefined,
  idNumber: undefined,
  status: undefined,
  gender: undefined,
  education: undefined,
  ethnicity: undefined,
  age: undefined,
  includeLeft: undefined,
};

/** Search by name / pinyin initials or exact ID number, with more filters behind a toggle. Enter searches. */
export function MemberFilters({ value, onSearch }: MemberFiltersProps) {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const hasAdvanced = Boolean(
    value.status || value.gender || value.education || value.ethnicity || value.age || value.includeLeft,
  );
  const [isExpanded, setIsExpanded] = useState(hasAdvanced);

  // Hidden, not removed, so collapsed filters still apply.
  const advancedStyle = isExpanded ? undefined : { display: 'none' };

  // Keep the form in step with the URL (back button, links from other pages).
  useEffect(() => {
    form.setFieldsValue({ ...emptyFilters, ...value });
  }, [form, value]);

  const select = (name: keyof FilterValues, label: string, options: { value: string; label: string }[]) => (
    <Col xs={12} sm={12} md={8} xl={6} style={advancedStyle}>
      <Form.Item name={name} label={label}>
        <Select
          allowClear
          options={options}
          placeholder={t('common.all')}
          showSearch={options.length > 10 ? { optionFilterProp: 'label' } : false}
        />
      </Form.Item>
    </Col>
  );

  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      onFinish={(values) => {
        const q = values.q?.trim();
        // An ID number typed in the name box is searched as one, so it stays out of the URL too.
        const isIdNumber = q !== undefined && CITIZEN_ID_SHAPE.test(q);
        onSearch({
          ...values,
          q: isIdNumber ? undefined : q,
          idNumber: isIdNumber ? q : values.idNumber?.trim(),
        });
      }}
      name="member-filters"
      data-testid="member-filters"
      aria-label={t('members.filters')}
    >
      <Row gutter={12} align="bottom">
        <Col xs={24} sm={12} md={8} xl={6}>
          <Form.Item name="q" label={t('members.filter.q')}>
            <Input allowClear placeholder={t('members.filter.qPlaceholder')} maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8} xl={6}>
          <Form.Item name="idNumber" label={t('members.filter.idNumber')}>
            <Input allowClear placeholder={t('members.filter.idNumberPlaceholder')} maxLength={30} />
          </Form.Item>
        </Col>
        {select('status', t('members.field.status'), codeOptions(MEMBER_STATUSES))}
        {select('gender', t('members.field.gender'), codeOptions(GENDERS))}
        {select('education', t('members.field.education'), codeOptions(EDUCATION_LEVELS))}
        {select('ethnicity', t('members.field.ethnicity'), codeOptions(ETHNICITIES))}
        {select(
          'age',
          t('members.filter.age'),
          ageBands.map((band) => ({ value: band.key, label: t(band.labelKey) })),
        )}
        <Col xs={24} sm={12} md={8} xl={6} style={advancedStyle}>
          <Form.Item name="includeLeft" valuePropName="checked" label=" ">
            <Checkbox>{t('members.filter.includeLeft')}</Checkbox>
          </Form.Item>
        </Col>
        <Col flex="none">
          <Form.Item label=" ">
            <Row gutter={8} wrap={false}>
              <Col flex="auto">
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<SearchOutlined />}
                  block
                  data-testid="member-search"
                >
                  {t('common.search')}
                </Button>
              </Col>
              <Col>
                <Button
                  onClick={() => {
                    form.setFieldsValue(emptyFilters);
                    onSearch(emptyFilters);
                  }}
                >
                  {t('common.reset')}
                </Button>
              </Col>
              <Col>
                <Button
                  type="link"
                  onClick={() => setIsExpanded((v) => !v)}
                  icon={isExpanded ? <UpOutlined /> : <DownOutlined />}
                  aria-expanded={isExpanded}
                >
                  {isExpanded ? t('common.less') : t('common.more')}
                </Button>
              </Col>
            </Row>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
