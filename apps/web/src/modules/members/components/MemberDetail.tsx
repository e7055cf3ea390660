import { EditOutlined, UndoOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { EDUCATION_LEVELS, ETHNICITIES, GENDERS, LEAVE_REASONS, MEMBER_STATUSES } from '@zhibu/shared';
import type { Member } from '@zhibu/shared/api';
import { Button, Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageSpinner } from '../../../components/PageSpinner.tsx';
import { QueryErrorResult } from '../../../components/QueryErrorResult.tsx';
import { useT } from '../../../i18n/useT.ts';
import { codeName } from '../../codes/codeName.ts';
import { MemberDuesPanel } from '../../dues/components/MemberDuesPanel.tsx';
import { useMember } from '../hooks/useMember.ts';
import type { MemberFormTarget } from '../MemberFormTarget.ts';
import { LeaveMemberModal } from './LeaveMemberModal.tsx';
import { MemberFormModal } from './MemberFormModal.tsx';
import { MemberTimeline } from './MemberTimeline.tsx';
import { RestoreMemberModal } from './RestoreMemberModal.tsx';
import { RevealableValue } from './RevealableValue.tsx';

/** Everything about one member: fields, masked ID and phone with 查看, history, edit and 减少. */
export function MemberDetail({ id }: { id: string }) {
  const t = useT();
  const { data: member, isPending, error, refetch } = useMember(id);
  const [editing, setEditing] = useState<MemberFormTarget | null>(null);
  const [leaving, setLeaving] = useState<Member | null>(null);
  const [restoring, setRestoring] = useState<Member | null>(null);

  if (isPending) return <PageSpinner />;
  if (error) return <QueryErrorResult error={error} onRetry={() => void refetch()} />;

  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined || value === '' ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      value
    );
  const isLeft = Boolean(member.leftOn);

  return (
    <Flex vertical gap={16} data-testid="member-detail">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {member.name}
          </Typography.Title>
          <Tag color={member.status === 'probationary' ? 'orange' : 'red'}>
            {codeName(MEMBER_STATUSES, member.status)}
          </Tag>
          {isLeft ? <Tag>{t('members.left')}</Tag> : null}
        </Flex>
        {!isLeft ? (
          <Flex gap={8} wrap>
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing({ mode: 'edit', member })}
              data-testid="member-edit"
            >
              {t('common.edit')}
            </Button>
            <Button
              danger
              icon={<UserDeleteOutlined />}
              onClick={() => setLeaving(member)}
              data-testid="member-leave"
            >
              {t('members.leave')}
            </Button>
          </Flex>
        ) : (
          <Button icon={<UndoOutlined />} onClick={() => setRestoring(member)} data-testid="member-restore">
            {member.leftReason === 'suspended' ? t('members.restoreSuspended') : t('members.restore')}
          </Button>
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
        items={[
          { key: 'name', label: t('members.field.name'), children: member.name },
          { key: 'gender', label: t('members.field.gender'), children: codeName(GENDERS, member.gender) },
          {
            key: 'idNumber',
            label: t('members.field.idNumber'),
            children: (
              <RevealableValue memberId={member.id} field="idNumber" masked={member.idNumberMasked} />
            ),
          },
          {
            key: 'ethnicity',
            label: t('members.field.ethnicity'),
            children: text(codeName(ETHNICITIES, member.ethnicity)),
          },
          {
            key: 'birthDate',
            label: t('members.field.birthDate'),
            children: `${member.birthDate}（${t('members.ageValue', { age: member.age })}）`,
          },
          { key: 'nativePlace', label: t('members.field.nativePlace'), children: text(member.nativePlace) },
          {
            key: 'education',
            label: t('members.field.education'),
            children: text(codeName(EDUCATION_LEVELS, member.education)),
          },
          {
            key: 'status',
            label: t('members.field.status'),
            children: codeName(MEMBER_STATUSES, member.status),
          },
          { key: 'joinedOn', label: t('members.field.joinedOn'), children: member.joinedOn },
          { key: 'confirmedOn', label: t('members.field.confirmedOn'), children: text(member.confirmedOn) },
          { key: 'org', label: t('members.field.org'), children: member.orgName },
          { key: 'workUnit', label: t('members.field.workUnit'), children: text(member.workUnit) },
          { key: 'post', label: t('members.field.post'), children: text(member.post) },
          {
            key: 'phone',
            label: t('members.field.phone'),
            children: <RevealableValue memberId={member.id} field="phone" masked={member.phoneMasked} />,
          },
          {
            key: 'address',
            label: t('members.field.address'),
            children: text(member.address),
            span: 'filled',
          },
          { key: 'remark', label: t('members.field.remark'), children: text(member.remark), span: 'filled' },
          ...(isLeft
            ? [
                { key: 'leftOn', label: t('members.field.leftOn'), children: text(member.leftOn) },
                {
                  key: 'leftReason',
                  label: t('members.field.leftReason'),
                  children: text(codeName(LEAVE_REASONS, member.leftReason)),
                },
                {
                  key: 'leftNote',
                  label: t('members.field.leftNote'),
                  children: text(member.leftNote),
                  span: 'filled' as const,
                },
              ]
            : []),
        ]}
      />
      <MemberDuesPanel memberId={member.id} isActive={!isLeft} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('members.history')}
      </Typography.Title>
      <MemberTimeline memberId={member.id} />
      <MemberFormModal target={editing} onClose={() => setEditing(null)} />
      <LeaveMemberModal member={leaving} onClose={() => setLeaving(null)} />
      <RestoreMemberModal member={restoring} onClose={() => setRestoring(null)} />
    </Flex>
  );
}
