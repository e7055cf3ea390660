import { EDUCATION_LEVELS, ETHNICITIES, GENDERS, MEMBER_STATUSES } from '@zhibu/shared';
import type { Member } from '@zhibu/shared/api';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type PagedTableProps, serverPagination } from '../../../components/serverPagination.ts';
import { useT } from '../../../i18n/useT.ts';
import { codeName } from '../../codes/codeName.ts';

interface MemberTableProps extends PagedTableProps<Member> {
  onOpen: (member: Member) => void;
}

/** Server-paged member list; a row (or the name, by keyboard) opens the member. Phone numbers stay masked. */
export function MemberTable({
  items,
  total,
  page,
  pageSize,
  isLoading,
  onPageChange,
  onOpen,
}: MemberTableProps) {
  const t = useT();
  const columns: TableColumnsType<Member> = [
    {
      key: 'name',
      title: t('members.field.name'),
      dataIndex: 'name',
      fixed: 'start',
      width: 110,
      render: (_value, member) => (
        <>
          <Typography.Link
            onClick={(event) => {
              event.stopPropagation();
              onOpen(member);
            }}
          >
            {member.name}
          </Typography.Link>
          {member.leftOn ? (
            <Tag style={{ marginInlineStart: 4 }} variant="filled">
              {t('members.left')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      key: 'gender',
      title: t('members.field.gender'),
      width: 60,
      render: (_v, m) => codeName(GENDERS, m.gender),
    },
    {
      key: 'ethnicity',
      title: t('members.field.ethnicity'),
      width: 90,
      render: (_v, m) => codeName(ETHNICITIES, m.ethnicity),
    },
    { key: 'birthDate', title: t('members.field.birthDate'), dataIndex: 'birthDate', width: 110 },
    {
      key: 'education',
      title: t('members.field.education'),
      width: 110,
      render: (_v, m) => codeName(EDUCATION_LEVELS, m.education),
    },
    {
      key: 'status',
      title: t('members.field.status'),
      width: 100,
      render: (_v, m) => (
        <Tag color={m.status === 'probationary' ? 'orange' : 'red'}>
          {codeName(MEMBER_STATUSES, m.status)}
        </Tag>
      ),
    },
    { key: 'joinedOn', title: t('members.field.joinedOn'), dataIndex: 'joinedOn', width: 110 },
    {
      key: 'orgName',
      title: t('members.field.org'),
      dataIndex: 'orgName',
      ellipsis: { showTitle: true },
      width: 200,
    },
    { key: 'phone', title: t('members.field.phone'), dataIndex: 'phoneMasked', width: 130 },
  ];

  return (
    <div data-testid="member-table">
      <Table<Member>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        scroll={{ x: 'max-content' }}
        rowClassName="zhibu-clickable-row"
        onRow={(member) => ({ onClick: () => onOpen(member) })}
        pagination={{
          ...serverPagination(t, { page, pageSize, total, onPageChange }),
          pageSizeOptions: [10, 20, 50, 100],
          responsive: true,
        }}
        locale={{ emptyText: t('members.empty') }}
      />
    </div>
  );
}
