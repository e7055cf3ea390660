import { EDUCATION_LEVELS, ETHNICITIES, GENDERS, MEMBER_STATUSES } from '@zhibu/shared';
import type { Member } from '@zhibu/shared/api';
import { Flex, Grid, List, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { phonePagination } from '../../../components/phonePagination.ts';
import { type PagedTableProps, serverPagination } from '../../../components/serverPagination.ts';
import { useT } from '../../../i18n/useT.ts';
import { codeName } from '../../codes/codeName.ts';

interface MemberTableProps extends PagedTableProps<Member> {
  onOpen: (member: Member) => void;
}

/** The org's short name with the full name in a tooltip. */
function OrgNameCell({ member }: { member: Member }) {
  return (
    <Tooltip title={member.orgName}>
      <span data-testid="member-org">{member.orgShortName ?? member.orgName}</span>
    </Tooltip>
  );
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
  const screens = Grid.useBreakpoint();
  // Phones get a card per member (name, status, org, phone) instead of a table that scrolls sideways.
  const isPhone = screens.sm === false;
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
      responsive: ['xl'],
      render: (_v, m) => codeName(GENDERS, m.gender),
    },
    {
      key: 'ethnicity',
      title: t('members.field.ethnicity'),
      width: 90,
      responsive: ['xxl'],
      render: (_v, m) => codeName(ETHNICITIES, m.ethnicity),
    },
    {
      key: 'birthDate',
      title: t('members.field.birthDate'),
      dataIndex: 'birthDate',
      width: 110,
      responsive: ['xl'],
    },
    {
      key: 'education',
      title: t('members.field.education'),
      width: 110,
      responsive: ['xxl'],
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
      // The short name in the list, the full name on hover: full names run to 20 characters.
      key: 'orgName',
      title: t('members.field.org'),
      width: 170,
      ellipsis: { showTitle: false },
      render: (_v, m) => <OrgNameCell member={m} />,
    },
    { key: 'phone', title: t('members.field.phone'), dataIndex: 'phoneMasked', width: 130 },
  ];

  if (isPhone) {
    return (
      <div data-testid="member-table">
        <List<Member>
          data-testid="member-cards"
          loading={isLoading}
          dataSource={items}
          locale={{ emptyText: t('members.empty') }}
          pagination={phonePagination({ page, pageSize, total, onPageChange })}
          renderItem={(m) => (
            <List.Item
              key={m.id}
              onClick={() => onOpen(m)}
              className="zhibu-clickable-row"
              data-testid="member-card"
            >
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex justify="space-between" align="center">
                  <Typography.Link strong>{m.name}</Typography.Link>
                  <Tag color={m.status === 'probationary' ? 'orange' : 'red'} style={{ marginInlineEnd: 0 }}>
                    {codeName(MEMBER_STATUSES, m.status)}
                  </Tag>
                </Flex>
                <OrgNameCell member={m} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[m.phoneMasked, m.joinedOn ? `${t('members.field.joinedOn')} ${m.joinedOn}` : null]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </div>
    );
  }

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
