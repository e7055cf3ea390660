import { Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useOrgSearch } from '../hooks/useOrgSearch.ts';
import type { OrgOption } from '../OrgOption.ts';

interface OrgSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null, option?: OrgOption) => void;
  /** The current value's label, so it shows before any search. */
  initialOption?: OrgOption | null;
  /** Leave this org out of the choices (an org cannot become its own parent). */
  excludeId?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  testId?: string;
}

/** Searchable org picker (server search by name, short name or pinyin initials within the caller's scope). */
export function OrgSelect({
  id,
  value,
  onChange,
  initialOption,
  excludeId,
  placeholder,
  allowClear,
  disabled,
  testId,
}: OrgSelectProps) {
  const t = useT();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(input), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const search = useOrgSearch(query, { pageSize: 30 });
  const [picked, setPicked] = useState<OrgOption | null>(null);

  const options = useMemo(() => {
    const list: OrgOption[] = (search.data?.items ?? [])
      .filter((org) => org.id !== excludeId && !org.dissolvedOn)
      .map((org) => ({ value: org.id, label: org.name }));
    for (const extra of [picked, initialOption]) {
      if (extra && extra.value === value && !list.some((o) => o.value === extra.value)) list.unshift(extra);
    }
    return list;
  }, [search.data, excludeId, picked, initialOption, value]);

  return (
    <Select<string, OrgOption>
      id={id}
      value={value ?? undefined}
      options={options}
      placeholder={placeholder ?? t('orgs.selectPlaceholder')}
      allowClear={allowClear}
      disabled={disabled}
      loading={search.isFetching}
      showSearch={{ filterOption: false, onSearch: setInput }}
      notFoundContent={
        query ? (
          <Typography.Text type="secondary">{t('orgs.searchEmpty')}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('orgs.selectHint')}</Typography.Text>
        )
      }
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? undefined : option;
        setPicked(chosen ?? null);
        onChange?.(next ?? null, chosen);
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
