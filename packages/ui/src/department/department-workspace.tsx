import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CaseSummaryDto } from '@unionflow/contracts';
import { api, type HostPaths, useLocalText } from '@unionflow/ui/core';
import { Button, Card, Flex, Grid, Segmented, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportButton } from '../components/export-button';
import { ProblemAlert } from '../components/problem-alert';
import { CaseList } from './case-list';
import { countByStatus, useDepartmentCases } from './use-department-cases';

/** A department-specific view over the department's cases. */
export interface WorkspaceTab {
  key: string;
  label: string;
  render: (cases: CaseSummaryDto[]) => ReactNode;
  /** Left out for a viewer who may not use it (the app knows the viewer's roles). */
  hidden?: boolean;
}

/**
 * A department's home: the processes it runs (each starts a case in the shell), its cases by
 * status, and the department's own tabs. Works for any published definition of the department.
 */
export function DepartmentWorkspace({
  department,
  title,
  intro,
  hostPaths,
  tabs: allTabs = [],
  extra,
}: {
  department: string;
  title: string;
  intro: string;
  hostPaths?: HostPaths;
  tabs?: WorkspaceTab[];
  extra?: (c: CaseSummaryDto) => ReactNode;
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  const tabs = allTabs.filter((x) => !x.hidden);
  const processes = useQuery({ queryKey: ['processes'], queryFn: api.processes, staleTime: 60_000 });
  const { query, cases } = useDepartmentCases(department);
  const [tab, setTab] = useState('cases');
  const [status, setStatus] = useState('total');
  const wide = Grid.useBreakpoint().md ?? false;
  // Cases picked for printing their approval forms together.
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const pick = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const counts = countByStatus(cases);
  const mine = (processes.data ?? []).filter((p) => p.department === department);
  const shown = status === 'total' ? cases : cases.filter((c) => c.status === status);
  const current = tabs.find((x) => x.key === tab);

  // On a phone the status filters and the export go under the title, which would otherwise shrink to a few letters.
  const toolbar = (
    <Flex gap={4} wrap>
      {Object.entries(counts).map(([s, n]) => (
        <Tag.CheckableTag key={s} checked={status === s} onChange={() => setStatus(s)}>
          {s === 'total' ? t('department.total') : t(`status.case.${s}`)} {n}
        </Tag.CheckableTag>
      ))}
      {hostPaths?.printCases && picked.size > 0 ? (
        <Link to={hostPaths.printCases([...picked])}>
          <Button icon={<PrinterOutlined />} data-testid="print-selected">
            {t('department.printSelected', { count: picked.size })}
          </Button>
        </Link>
      ) : null}
      <ExportButton
        path="/api/cases/export"
        query={{ scope: 'department', department, status: status === 'total' ? undefined : status }}
      />
    </Flex>
  );

  return (
    <Flex vertical gap={12}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
        <Flex gap={8} wrap>
          {mine.map((p) =>
            hostPaths ? (
              <Link key={p.key} to={hostPaths.newCase(p.key)}>
                <Button type="primary" ghost data-testid={`start-${p.key}`}>
                  {text(p.name)}
                </Button>
              </Link>
            ) : (
              <Button key={p.key} disabled>
                {text(p.name)}
              </Button>
            ),
          )}
        </Flex>
      </Card>
      {tabs.length > 0 && (
        <div style={{ overflowX: 'auto' }}>
          <Segmented
            value={tab}
            onChange={(v) => setTab(String(v))}
            options={[
              { value: 'cases', label: t('department.cases') },
              ...tabs.map((x) => ({ value: x.key, label: x.label })),
            ]}
          />
        </div>
      )}
      {query.isPending && <Spin />}
      {query.error && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && current && current.render(cases)}
      {query.isSuccess && !current && (
        <Card
          size="small"
          title={t('department.cases')}
          styles={{ body: { padding: 0 } }}
          extra={wide ? toolbar : undefined}
        >
          {!wide && <div style={{ padding: '8px 12px 0' }}>{toolbar}</div>}
          <CaseList
            cases={shown}
            hostPaths={hostPaths}
            extra={extra}
            selected={hostPaths?.printCases ? picked : undefined}
            onSelect={pick}
          />
        </Card>
      )}
    </Flex>
  );
}
