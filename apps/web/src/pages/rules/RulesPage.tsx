import { EditOutlined } from '@ant-design/icons';
import { ORG_CATEGORIES } from '@zhibu/shared';
import type { RuleInfo } from '@zhibu/shared/api';
import { Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useT } from '../../i18n/useT.ts';
import { useAuthenticatedUser } from '../../modules/auth/hooks/useAuthenticatedUser.ts';
import { codeName } from '../../modules/codes/codeName.ts';
import { RuleParamsModal } from '../../modules/rules/components/RuleParamsModal.tsx';
import { SeverityTag } from '../../modules/rules/components/SeverityTag.tsx';
import { useRules } from '../../modules/rules/hooks/useRules.ts';

function valueAt(params: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (obj, part) =>
        obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>)[part] : undefined,
      params,
    );
}

function paramText(value: unknown): string {
  if (Array.isArray(value))
    return value.map((v) => codeName(ORG_CATEGORIES, String(v)) || String(v)).join('、');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** 规则: every regulation encoded, with its citation, dates and parameters; administrators tune the parameters. */
export function RulesPage() {
  const t = useT();
  const user = useAuthenticatedUser();
  const isAdmin = user.roles.some((r) => r.role === 'admin' && r.orgId === null);
  const rules = useRules();
  const [editing, setEditing] = useState<RuleInfo | null>(null);

  const columns: TableColumnsType<RuleInfo> = [
    {
      key: 'id',
      title: t('rules.field.id'),
      width: 190,
      render: (_v, r) => (
        <Flex vertical gap={2}>
          <Typography.Text code>{r.id}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.family}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'title',
      title: t('rules.field.title'),
      render: (_v, r) => (
        <Flex vertical gap={2}>
          <span>{r.title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.citation}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('rules.field.kind'),
      width: 110,
      render: (_v, r) =>
        r.producesWarnings ? <SeverityTag severity={r.severity} /> : <Tag>{t('rules.kind.guard')}</Tag>,
    },
    {
      key: 'dates',
      title: t('rules.field.effective'),
      width: 130,
      render: (_v, r) => (
        <>
          {r.effectiveFrom}
          {r.effectiveTo ? ` ~ ${r.effectiveTo}` : ''}
          {!r.isInForce ? <Tag style={{ marginInlineStart: 4 }}>{t('rules.notInForce')}</Tag> : null}
        </>
      ),
    },
    {
      key: 'params',
      title: t('rules.field.params'),
      width: 340,
      render: (_v, r) =>
        r.fields.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            {r.fields.map((f) => (
              <Typography.Text key={f.key} style={{ fontSize: 12 }}>
                {f.label}：{paramText(valueAt(r.params, f.key))}
              </Typography.Text>
            ))}
            {r.isCustomized ? (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {t('rules.customized', { by: r.updatedBy ?? '—' })}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
    },
    ...(isAdmin
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 100,
            render: (_v: unknown, r: RuleInfo) =>
              r.fields.length > 0 ? (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(r)}
                  data-testid={`rule-edit-${r.id}`}
                >
                  {t('rules.edit')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('nav.rules')} />
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
        {rules.error ? (
          <QueryErrorResult error={rules.error} onRetry={() => void rules.refetch()} />
        ) : (
          <Table<RuleInfo>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rules.data?.items ?? []}
            loading={rules.isPending}
            pagination={false}
            scroll={{ x: 1000 }}
            data-testid="rule-table"
          />
        )}
      </Card>
      <RuleParamsModal rule={editing} onClose={() => setEditing(null)} />
    </>
  );
}
