import type { User } from '@zhibu/shared/api';
import { App, Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type PagedTableProps, serverPagination } from '../../../components/serverPagination.ts';
import { useT } from '../../../i18n/useT.ts';
import { formatDateTime } from '../../../lib/formatDateTime.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useUserMutations } from '../hooks/useUserMutations.ts';
import { roleLabelKeys } from '../roleLabelKeys.ts';

interface UserTableProps extends PagedTableProps<User> {
  currentUserId: string;
  onResetPassword: (user: User) => void;
  onAddRole: (user: User) => void;
}

/** Accounts with their roles; disabling, unlocking and removing a role ask first. */
export function UserTable({
  items,
  total,
  page,
  pageSize,
  isLoading,
  currentUserId,
  onPageChange,
  onResetPassword,
  onAddRole,
}: UserTableProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const { update, unlock, removeRole } = useUserMutations();
  const handleError = useApiErrorHandler();

  const confirm = (
    title: string,
    content: string,
    action: () => Promise<unknown>,
    done: string,
    isDanger = false,
  ) =>
    modal.confirm({
      title,
      content,
      okButtonProps: { danger: isDanger },
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        action()
          .then(() => message.success(done))
          .catch((error: unknown) => handleError(error)),
    });

  const columns: TableColumnsType<User> = [
    { key: 'username', title: t('users.field.username'), dataIndex: 'username', width: 140 },
    { key: 'displayName', title: t('users.field.displayName'), dataIndex: 'displayName', width: 120 },
    {
      key: 'roles',
      title: t('users.field.roles'),
      render: (_v, user) => (
        <Flex wrap gap={4}>
          {user.roles.map((role) => (
            <Tag
              key={role.id}
              color="red"
              closable={user.id !== currentUserId ? { 'aria-label': t('users.removeRole') } : false}
              onClose={(event) => {
                event.preventDefault();
                confirm(
                  t('users.removeRoleTitle'),
                  t('users.removeRoleConfirm', {
                    name: user.displayName,
                    role: t(roleLabelKeys[role.role]),
                    org: role.orgName ?? t('users.allOrgs'),
                  }),
                  () => removeRole.mutateAsync({ id: user.id, assignmentId: role.id }),
                  t('users.roleRemoved'),
                  true,
                );
              }}
            >
              {t(roleLabelKeys[role.role])}
              {role.orgName ? ` · ${role.orgName}` : ''}
            </Tag>
          ))}
          {user.roles.length === 0 ? (
            <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'state',
      title: t('users.field.state'),
      width: 120,
      render: (_v, user) => (
        <Flex wrap gap={4}>
          {user.isDisabled ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>}
          {user.isLocked ? <Tag color="orange">{t('users.locked')}</Tag> : null}
          {user.mustChangePassword ? <Tag color="gold">{t('users.mustChangePassword')}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'lastLoginAt',
      title: t('users.field.lastLoginAt'),
      width: 170,
      render: (_v, user) => formatDateTime(user.lastLoginAt) || '—',
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'end',
      width: 280,
      render: (_v, user) => {
        const isSelf = user.id === currentUserId;
        return (
          <Flex wrap gap={0}>
            <Button type="link" size="small" onClick={() => onAddRole(user)}>
              {t('users.addRole')}
            </Button>
            <Button type="link" size="small" onClick={() => onResetPassword(user)}>
              {t('users.resetPassword')}
            </Button>
            {user.isLocked ? (
              <Button
                type="link"
                size="small"
                onClick={() =>
                  confirm(
                    t('users.unlockTitle'),
                    t('users.unlockConfirm', { name: user.displayName }),
                    () => unlock.mutateAsync(user.id),
                    t('users.unlocked'),
                  )
                }
              >
                {t('users.unlock')}
              </Button>
            ) : null}
            {isSelf ? null : (
              <Button
                type="link"
                size="small"
                danger={!user.isDisabled}
                onClick={() =>
                  confirm(
                    user.isDisabled ? t('users.enableTitle') : t('users.disableTitle'),
                    user.isDisabled
                      ? t('users.enableConfirm', { name: user.displayName })
                      : t('users.disableConfirm', { name: user.displayName }),
                    () =>
                      update.mutateAsync({
                        id: user.id,
                        body: { isDisabled: !user.isDisabled, version: user.version },
                      }),
                    user.isDisabled ? t('users.enabledDone') : t('users.disabledDone'),
                    !user.isDisabled,
                  )
                }
              >
                {user.isDisabled ? t('users.enable') : t('users.disable')}
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <div data-testid="user-table">
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        scroll={{ x: 'max-content' }}
        pagination={serverPagination(t, { page, pageSize, total, onPageChange })}
        locale={{ emptyText: t('users.empty') }}
      />
    </div>
  );
}
