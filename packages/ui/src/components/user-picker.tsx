import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@unionflow/ui/core';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Waits this long after the last keystroke before asking the server, so typing a name is one query. */
const SEARCH_DELAY_MS = 250;

function useDebounced(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * Picks a colleague (or, with `multiple`, several) by name or username (`GET /api/users?q=`); the
 * value is the username (list), which is what every API taking a person expects. Works as an antd
 * Form control (`value` / `onChange`).
 */
export function UserPicker({
  value,
  onChange,
  id,
  multiple = false,
  exclude = [],
  known = [],
  caseId,
  purpose,
  'data-testid': testId,
}: {
  value?: string | string[];
  onChange?: (usernames: string | string[]) => void;
  id?: string;
  multiple?: boolean;
  /** Usernames not offered, e.g. the person handing the task over. */
  exclude?: string[];
  /** People the current value may name, so it shows as a name before anyone searches. */
  known?: { username: string; displayName: string; orgName?: string }[];
  /** The case a person is picked for: people of its org are offered besides the caller's own subtree. */
  caseId?: string;
  /** A standing delegation: people on the caller's own org line are offered (ADR 011). */
  purpose?: 'delegation';
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const query = useDebounced(term.trim(), SEARCH_DELAY_MS);
  const found = useQuery({
    queryKey: ['users', query, caseId ?? null, purpose ?? null],
    queryFn: () => api.findUsers(query, 10, caseId, purpose),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const listed = found.data ?? [];
  const seeded = known.filter((k) => !listed.some((u) => u.username === k.username));
  const options = [...seeded.map((k) => ({ ...k, orgName: k.orgName ?? '' })), ...listed]
    .filter((u) => !exclude.includes(u.username))
    .map((u) => ({
      value: u.username,
      label: `${u.displayName}（${u.username}）`,
      title: u.orgName,
      orgName: u.orgName,
    }));
  return (
    <Select
      id={id}
      data-testid={testId}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      value={value || undefined}
      onChange={(v: string | string[]) => onChange?.(v ?? (multiple ? [] : ''))}
      placeholder={t('form.userSearch')}
      notFoundContent={
        found.isFetching ? <Spin size="small" /> : query ? t('form.userNone') : t('form.userSearch')
      }
      options={options}
      optionRender={(option) => (
        <div>
          <div>{option.label}</div>
          <div style={{ fontSize: 12, opacity: 0.65 }}>{option.data.orgName}</div>
        </div>
      )}
      style={{ width: '100%' }}
      allowClear
    />
  );
}
