import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { transfersApi } from '../api/transfersApi.ts';
import { transferKeys } from '../hooks/transferKeys.ts';

/** Any org of the system that may receive a member, found by name (only names are shown). */
export function DestinationSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
}) {
  const t = useT();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const found = useQuery({
    queryKey: transferKeys.destinations(q),
    queryFn: ({ signal }) => transfersApi.destinations(q, signal),
    enabled: q.length > 0,
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      placeholder={t('transfers.destinationPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setInput }}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((d) => ({
        value: d.id,
        label: d.parentName ? `${d.name}（${d.parentName}）` : d.name,
      }))}
      style={{ width: '100%' }}
      data-testid="transfer-destination"
    />
  );
}
