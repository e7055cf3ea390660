import type { DevelopmentPersonListItem } from '@zhibu/shared/api';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type PagedTableProps, serverPagination } from '../../../components/serverPagination.ts';
import { useT } from '../../../i18n/useT.ts';
import { stepName } from '../stepName.ts';

interface DevelopmentPeopleTableProps extends PagedTableProps<DevelopmentPersonListItem> {
  onOpen: (person: DevelopmentPersonListItem) => void;
}

/** People of one stage with their last and next step, the nearest deadline and an overdue mark. */
export function DevelopmentPeopleTable({
  items,
  total,
  page,
  pageSize,
  isLoading,
  onPageChange,
  onOpen,
}: DevelopmentPeopleTableProps) {
  const t = useT();
  const columns: TableColumnsType<DevelopmentPersonListItem> = [
    {
      key: 'name',
      title: t('development.col.name'),
      width: 110,
      render: (_v, p) => (
        <Typography.Link
          onClick={(event) => {
            event.stopPropagation();
            onOpen(p);
          }}
        >
          {p.name}
        </Typography.Link>
      ),
    },
    { key: 'org', title: t('development.col.org'), dataIndex: 'orgName', ellipsis: true, width: 200 },
    {
      key: 'last',
      title: t('development.col.lastStep'),
      width: 220,
      render: (_v, p) => (
        <>
          {stepName(t, p.lastStep)}
          <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
            {p.lastStepOn}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'next',
      title: t('development.col.next'),
      width: 220,
      render: (_v, p) => p.nextSteps.map((n) => stepName(t, n)).join(' / '),
    },
    {
      key: 'due',
      title: t('development.col.due'),
      width: 160,
      render: (_v, p) =>
        p.dueOn ? (
          <>
            {p.dueOn}
            {p.isOverdue ? (
              <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="overdue-tag">
                {t('development.overdue')}
              </Tag>
            ) : null}
          </>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <div data-testid="development-people">
      <Table<DevelopmentPersonListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        scroll={{ x: 'max-content' }}
        rowClassName="zhibu-clickable-row"
        onRow={(p) => ({ onClick: () => onOpen(p) })}
        pagination={serverPagination(t, { page, pageSize, total, onPageChange })}
        locale={{ emptyText: t('development.empty') }}
      />
    </div>
  );
}
