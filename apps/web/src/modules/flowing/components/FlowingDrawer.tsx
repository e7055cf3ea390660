import { Alert, Button, Descriptions, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryErrorResult } from '../../../components/QueryErrorResult.tsx';
import { useT } from '../../../i18n/useT.ts';
import type { FlowingAction } from '../FlowingAction.ts';
import { useFlowingRecord } from '../hooks/useFlowingRecord.ts';
import { FlowingActionModal } from './FlowingActionModal.tsx';

/** A flowing member: where, since when, alerts with citations, the contact log and the next actions. */
export function FlowingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const record = useFlowingRecord(id);
  const [action, setAction] = useState<FlowingAction | null>(null);
  const r = record.data;
  const isActive = r?.status === 'active';
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={560}
      title={r ? `${t('flowing.detail')}：${r.name}` : t('flowing.detail')}
    >
      {record.error ? <QueryErrorResult error={record.error} onRetry={() => void record.refetch()} /> : null}
      {r ? (
        <div data-testid="flowing-drawer">
          {r.alerts.map((a) => (
            <Alert
              key={a.rule}
              type={a.rule.startsWith('T2') ? 'warning' : 'error'}
              showIcon
              title={a.message}
              description={a.citation}
              style={{ marginBottom: 8 }}
            />
          ))}
          <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
            <Descriptions.Item label={t('flowing.field.status')}>
              <Tag>{t(`flowing.status.${r.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item
              label={r.direction === 'out' ? t('flowing.field.org') : t('flowing.field.hostOrg')}
            >
              {r.orgName}
            </Descriptions.Item>
            <Descriptions.Item
              label={r.direction === 'out' ? t('flowing.field.placeOut') : t('flowing.field.placeIn')}
            >
              {r.place}
            </Descriptions.Item>
            <Descriptions.Item label={t('flowing.field.since')}>{r.since}</Descriptions.Item>
            {r.homeOrgName ? (
              <Descriptions.Item label={t('flowing.field.homeOrgName')}>
                {[r.homeOrgName, r.homeOrgContact].filter(Boolean).join(' · ')}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('flowing.field.workUnit')}>{r.workUnit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('flowing.field.phone')}>{r.phoneMasked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('flowing.field.mobilityCardNo')}>
              {r.mobilityCardNo ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('flowing.field.expectedReturnOn')}>
              {r.expectedReturnOn ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('flowing.field.isFixedPlace')}>
              {[
                r.isFixedPlace ? t('flowing.field.isFixedPlace') : null,
                r.isAbroad ? t('flowing.field.isAbroad') : null,
                r.isSettledAbroad ? t('flowing.field.isSettledAbroad') : null,
              ]
                .filter(Boolean)
                .join('、') || '—'}
            </Descriptions.Item>
            {r.lostContactSince ? (
              <Descriptions.Item label={t('flowing.field.lostContactSince')}>
                {r.lostContactSince}
              </Descriptions.Item>
            ) : null}
            {r.suspendedOn ? (
              <Descriptions.Item label={t('flowing.field.suspendedOn')}>{r.suspendedOn}</Descriptions.Item>
            ) : null}
            {r.returnedOn ? (
              <Descriptions.Item label={t('flowing.field.returnedOn')}>{r.returnedOn}</Descriptions.Item>
            ) : null}
          </Descriptions>
          {isActive ? (
            <Space wrap style={{ margin: '12px 0' }}>
              <Button type="primary" onClick={() => setAction('contact')} data-testid="flowing-add-contact">
                {t('flowing.addContact')}
              </Button>
              {r.direction === 'out' ? (
                <>
                  <Button onClick={() => setAction('lost')}>{t('flowing.markLost')}</Button>
                  <Button danger onClick={() => setAction('suspend')} data-testid="flowing-suspend">
                    {t('flowing.suspend')}
                  </Button>
                </>
              ) : null}
              <Button onClick={() => setAction('return')}>{t('flowing.return')}</Button>
            </Space>
          ) : null}
          <Typography.Title level={5}>{t('flowing.contacts')}</Typography.Title>
          {r.contacts.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('flowing.noContacts')} />
          ) : (
            <List
              size="small"
              dataSource={r.contacts}
              renderItem={(c) => (
                <List.Item>
                  <Space wrap>
                    <span>{c.contactedOn}</span>
                    <Tag>{t(`flowing.method.${c.method}`)}</Tag>
                    <Tag color={c.isReached ? 'green' : 'orange'}>
                      {c.isReached ? t('flowing.reached') : t('flowing.notReached')}
                    </Tag>
                    {c.note ? <Typography.Text type="secondary">{c.note}</Typography.Text> : null}
                  </Space>
                </List.Item>
              )}
            />
          )}
          <FlowingActionModal record={r} action={action} onClose={() => setAction(null)} />
        </div>
      ) : null}
    </Drawer>
  );
}
