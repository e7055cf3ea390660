import { UserAddOutlined } from '@ant-design/icons';
import type { User } from '@zhibu/shared/api';
import { Button, Card, Input } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useT } from '../../i18n/useT.ts';
import { useAuthenticatedUser } from '../../modules/auth/hooks/useAuthenticatedUser.ts';
import { AddRoleModal } from '../../modules/users/components/AddRoleModal.tsx';
import { CreateUserModal } from '../../modules/users/components/CreateUserModal.tsx';
import { ResetPasswordModal } from '../../modules/users/components/ResetPasswordModal.tsx';
import { UserTable } from '../../modules/users/components/UserTable.tsx';
import { useUsers } from '../../modules/users/hooks/useUsers.ts';

/** 用户与角色: accounts in the caller's scope, their roles and state. */
export function UsersPage() {
  const t = useT();
  const me = useAuthenticatedUser();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const users = useUsers({ q: q || undefined, page, pageSize });
  const [isCreateOpen, setIsCreateOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [addingRole, setAddingRole] = useState<User | null>(null);

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setIsCreateOpen(true)}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        }
      />
      <Card size="small">
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          style={{ maxWidth: 320, marginBottom: 12 }}
          enterButton
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        {users.error ? (
          <QueryErrorResult error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <UserTable
            items={users.data?.items ?? []}
            total={users.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            isLoading={users.isFetching}
            currentUserId={me.id}
            onPageChange={(nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            }}
            onResetPassword={setResetting}
            onAddRole={setAddingRole}
          />
        )}
      </Card>
      <CreateUserModal open={isCreateOpen} onClose={() => setIsCreateOpen(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <AddRoleModal user={addingRole} onClose={() => setAddingRole(null)} />
    </>
  );
}
