import { useQuery } from '@tanstack/react-query';
import type { MemberStatusCode } from '@zhibu/shared';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { membersApi } from '../../members/api/membersApi.ts';

interface MemberSelectProps {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  isMultiple?: boolean;
  status?: MemberStatusCode;
  orgId?: string;
  testId?: string;
}

/** Finds members on the register in the caller's scope by name or pinyin initials. */
export function MemberSelect({ id, value, onChange, isMultiple, status, orgId, testId }: MemberSelectProps) {
  const t = useT();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const search = useQuery({
    queryKey: ['members', 'picker', q, status ?? null, orgId ?? null],
    queryFn: ({ signal }) =>
      membersApi.list({ q: q || undefined, status, orgId, page: 1, pageSize: 30 }, signal),
  });
  const [known, setKnown] = useState<Record<string, string>>({});
  const options = (search.data?.items ?? []).map((m) => ({
    value: m.id,
    label: `${m.name}（${m.orgName}）`,
  }));
  for (const [value, label] of Object.entries(known)) {
    if (!options.some((o) => o.value === value)) options.push({ value, label });
  }
  return (
    <Select
      id={id}
      mode={isMultiple ? 'multiple' : undefined}
      value={value}
      options={options}
      loading={search.isFetching}
      placeholder={t('orgs.selectHint')}
      showSearch={{ filterOption: false, onSearch: setInput }}
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? option : option ? [option] : [];
        setKnown((prev) => ({
          ...prev,
          ...Object.fromEntries(chosen.map((o) => [String(o.value), String(o.label)])),
        }));
        onChange?.(next);
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
