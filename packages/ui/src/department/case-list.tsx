import type { CaseSummaryDto } from '@unionflow/contracts';
import { type HostPaths, useLocalText } from '@unionflow/ui/core';
import { Checkbox, Empty, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../components/date-time';
import { StatusTag } from '../components/status-tag';

/** A compact list of cases; each row links to the shell's case page when hosted. */
export function CaseList({
  cases,
  hostPaths,
  extra,
  empty,
  selected,
  onSelect,
}: {
  cases: CaseSummaryDto[];
  hostPaths?: HostPaths;
  /** Something department-specific per row (a countdown, a checklist summary). */
  extra?: (c: CaseSummaryDto) => ReactNode;
  empty?: string;
  /** With both, each row has a checkbox (to print several approval forms at once). */
  selected?: ReadonlySet<string>;
  onSelect?: (caseId: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  if (!cases.length) return <Empty style={{ padding: 24 }} description={empty ?? t('empty')} />;
  return (
    <List
      dataSource={cases}
      renderItem={(c) => {
        const body = (
          // The tag keeps its own height at the top of the row (a stretched tag reads as a box).
          <div
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              alignItems: 'flex-start',
              gap: 8,
              width: '100%',
            }}
          >
            <div style={{ minWidth: 0 }}>
              <div style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{c.title}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                {c.number} · {text(c.processName)} · {c.applicant.displayName}
                {c.currentStep ? ` · ${text(c.currentStep)}` : ''} · <DateTime value={c.updatedAt} />
              </Typography.Text>
              {extra ? <div>{extra(c)}</div> : null}
            </div>
            <span style={{ flexShrink: 0 }}>
              <StatusTag status={c.status} />
            </span>
          </div>
        );
        return (
          <List.Item
            key={c.id}
            // No wrapping: on a phone the checkbox stays beside its case, not on a line of its own.
            style={{ paddingInline: 16, gap: 12, justifyContent: 'flex-start', flexWrap: 'nowrap' }}
            data-testid="department-case"
          >
            {selected && onSelect ? (
              <Checkbox
                checked={selected.has(c.id)}
                onChange={(e) => onSelect(c.id, e.target.checked)}
                aria-label={t('department.select', { number: c.number })}
                data-testid="department-case-select"
              />
            ) : null}
            {hostPaths ? (
              <Link to={hostPaths.caseDetail(c.id)} style={{ color: 'inherit', flex: 1, minWidth: 0 }}>
                {body}
              </Link>
            ) : (
              body
            )}
          </List.Item>
        );
      }}
    />
  );
}
