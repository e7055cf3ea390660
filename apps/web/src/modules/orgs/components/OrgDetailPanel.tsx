import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { ORG_CATEGORIES, ORG_TYPES } from '@zhibu/shared';
import type { GetOrgResponse } from '@zhibu/shared/api';
import { Breadcrumb, Button, Descriptions, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { PageSpinner } from '../../../components/PageSpinner.tsx';
import { QueryErrorResult } from '../../../components/QueryErrorResult.tsx';
import { useT } from '../../../i18n/useT.ts';
import { codeName } from '../../codes/codeName.ts';
import { useOrg } from '../hooks/useOrg.ts';

interface OrgDetailPanelProps {
  id: string;
  onSelect: (id: string) => void;
  onEdit: (org: GetOrgResponse) => void;
  onCreateChild: (org: GetOrgResponse) => void;
  onMove: (org: GetOrgResponse) => void;
  onDissolve: (org: GetOrgResponse) => void;
}

/** All fields of one org, its path, and the actions on it. */
export function OrgDetailPanel({
  id,
  onSelect,
  onEdit,
  onCreateChild,
  onMove,
  onDissolve,
}: OrgDetailPanelProps) {
  const t = useT();
  const { data: org, isPending, error, refetch } = useOrg(id);
  if (isPending) return <PageSpinner />;
  if (error) return <QueryErrorResult error={error} onRetry={() => void refetch()} />;

  const isDissolved = Boolean(org.dissolvedOn);
  const termEndsOn =
    org.termStartedOn && org.termYears
      ? dayjs(org.termStartedOn).add(org.termYears, 'year').format('YYYY-MM-DD')
      : null;
  const isTermOver = termEndsOn !== null && termEndsOn < dayjs().format('YYYY-MM-DD');
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined || value === '' ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      value
    );

  return (
    <Flex vertical gap={16} data-testid="org-detail">
      {org.ancestors.length > 0 ? (
        <Breadcrumb
          items={[...org.ancestors, { id: org.id, name: org.name }].map((a, index, all) => ({
            key: a.id,
            title:
              index < all.length - 1 ? (
                <Typography.Link onClick={() => onSelect(a.id)}>{a.name}</Typography.Link>
              ) : (
                a.name
              ),
          }))}
        />
      ) : null}
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="org-detail-name">
            {org.name}
          </Typography.Title>
          <Tag color="red">{codeName(ORG_TYPES, org.type)}</Tag>
          <Tag>{codeName(ORG_CATEGORIES, org.category)}</Tag>
          {isDissolved ? <Tag color="default">{t('orgs.dissolved')}</Tag> : null}
        </Flex>
        <Flex wrap gap={8}>
          <Link to={`/members?org=${encodeURIComponent(org.id)}`}>
            <Button icon={<TeamOutlined />}>{t('orgs.viewMembers', { count: org.memberCount })}</Button>
          </Link>
          {!isDissolved ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => onEdit(org)} data-testid="org-edit">
                {t('common.edit')}
              </Button>
              <Button
                icon={<PlusOutlined />}
                onClick={() => onCreateChild(org)}
                data-testid="org-create-child"
              >
                {t('orgs.createChild')}
              </Button>
              <Button icon={<DragOutlined />} onClick={() => onMove(org)} data-testid="org-move">
                {t('orgs.move')}
              </Button>
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() => onDissolve(org)}
                data-testid="org-dissolve"
              >
                {t('orgs.dissolve')}
              </Button>
            </>
          ) : null}
        </Flex>
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 3 }}
        items={[
          { key: 'name', label: t('orgs.field.name'), children: org.name, span: 'filled' },
          { key: 'shortName', label: t('orgs.field.shortName'), children: text(org.shortName) },
          { key: 'code', label: t('orgs.field.code'), children: text(org.code) },
          { key: 'type', label: t('orgs.field.type'), children: codeName(ORG_TYPES, org.type) },
          {
            key: 'category',
            label: t('orgs.field.category'),
            children: codeName(ORG_CATEGORIES, org.category),
          },
          { key: 'divisionCode', label: t('orgs.field.divisionCode'), children: text(org.divisionCode) },
          { key: 'establishedOn', label: t('orgs.field.establishedOn'), children: text(org.establishedOn) },
          { key: 'termStartedOn', label: t('orgs.field.termStartedOn'), children: text(org.termStartedOn) },
          {
            key: 'termYears',
            label: t('orgs.field.termYears'),
            children: org.termYears ? t('orgs.termYearsValue', { years: org.termYears }) : text(null),
          },
          {
            key: 'termEndsOn',
            label: t('orgs.field.termEndsOn'),
            children: termEndsOn ? (
              <Flex gap={4} align="center">
                {termEndsOn}
                {isTermOver && !isDissolved ? <Tag color="warning">{t('orgs.termOver')}</Tag> : null}
              </Flex>
            ) : (
              text(null)
            ),
          },
          { key: 'secretaryName', label: t('orgs.field.secretaryName'), children: text(org.secretaryName) },
          { key: 'contactName', label: t('orgs.field.contactName'), children: text(org.contactName) },
          { key: 'contactPhone', label: t('orgs.field.contactPhone'), children: text(org.contactPhone) },
          { key: 'memberCount', label: t('orgs.field.memberCount'), children: org.memberCount },
          { key: 'address', label: t('orgs.field.address'), children: text(org.address), span: 'filled' },
          ...(isDissolved
            ? [
                { key: 'dissolvedOn', label: t('orgs.field.dissolvedOn'), children: text(org.dissolvedOn) },
                {
                  key: 'dissolvedReason',
                  label: t('orgs.field.dissolvedReason'),
                  children: text(org.dissolvedReason),
                  span: 'filled' as const,
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
