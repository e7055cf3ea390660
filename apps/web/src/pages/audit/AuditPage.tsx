import { Card } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useT } from '../../i18n/useT.ts';
import type { AuditFilter } from '../../modules/audit/AuditFilter.ts';
import { AuditFilters } from '../../modules/audit/components/AuditFilters.tsx';
import { AuditTable } from '../../modules/audit/components/AuditTable.tsx';
import { useAuditLog } from '../../modules/audit/hooks/useAuditLog.ts';

/** 操作日志: who changed what, when, from where. */
export function AuditPage() {
  const t = useT();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const log = useAuditLog({ ...filter, page, pageSize });
  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <Card size="small">
        <AuditFilters
          onSearch={(next) => {
            setFilter(next);
            setPage(1);
          }}
        />
        {log.error ? (
          <QueryErrorResult error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <AuditTable
            items={log.data?.items ?? []}
            total={log.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            isLoading={log.isFetching}
            onPageChange={(nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            }}
          />
        )}
      </Card>
    </>
  );
}
