import { useQuery } from '@tanstack/react-query';
import type { AnalyticsOverviewDto } from '@unionflow/contracts';
import { useLocalText } from '@unionflow/ui/core';
import { Flex } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../api/use-viewer';
import { analyticsApi } from './analytics-api';
import { BoardHeader, Figures, QueryState, rangeOf } from './board-layout';
import type { RangePreset } from './board-range';
import { BoardSection } from './board-section';
import { barOption } from './chart-options';
import { ProcessBoard } from './process-board';

/** A department's name as the boards print it. */
function departmentName(t: TFunction, department: string): string {
  return t(`kanban.departments.${department}`, { defaultValue: department });
}

function OverviewFigures({ data }: { data: AnalyticsOverviewDto }) {
  const { t } = useTranslation();
  const text = useLocalText();
  // Processes with nothing in the range would only widen the chart.
  const active = data.processes.filter((p) => p.started + p.finished + p.openNow > 0);
  const sum = (pick: (p: AnalyticsOverviewDto['processes'][number]) => number) =>
    data.processes.reduce((n, p) => n + pick(p), 0);
  const started = t('kanban.process.started');
  const finished = t('kanban.process.finished');
  const open = t('kanban.process.openNow');
  const overdue = t('kanban.process.overdueNow');
  return (
    <>
      <Figures
        items={[
          { key: 'started', title: started, value: sum((p) => p.started) },
          { key: 'finished', title: finished, value: sum((p) => p.finished) },
          { key: 'open', title: open, value: sum((p) => p.openNow) },
          { key: 'overdue', title: overdue, value: sum((p) => p.overdueNow) },
        ]}
      />
      <BoardSection
        id="processes"
        title={t('kanban.federation.byProcess')}
        height={Math.max(240, active.length * 44)}
        option={barOption({
          categories: active.map((p) => text(p.name)),
          series: [
            { name: started, data: active.map((p) => p.started) },
            { name: finished, data: active.map((p) => p.finished) },
            { name: open, data: active.map((p) => p.openNow) },
            { name: overdue, data: active.map((p) => p.overdueNow) },
          ],
          horizontal: true,
        })}
        table={{
          header: [
            t('kanban.federation.process'),
            t('kanban.federation.department'),
            started,
            finished,
            open,
            overdue,
          ],
          rows: active.map((p) => [
            text(p.name),
            departmentName(t, p.department),
            p.started,
            p.finished,
            p.openNow,
            p.overdueNow,
          ]),
        }}
      />
    </>
  );
}

/** 全局看板: every process the caller may analyse across their org subtree, then any one's flow. */
export function FederationBoard() {
  const { t } = useTranslation();
  const [days, setDays] = useState<RangePreset>(84);
  const range = rangeOf(days);
  const query = useQuery({
    queryKey: ['analytics', 'overview', range],
    queryFn: () => analyticsApi.overview(range),
  });
  const me = useViewer();
  // Which departments the figures cover: the processes the caller may analyse, whether busy or not.
  const departments = [...new Set(query.data?.processes.map((p) => p.department) ?? [])].map((d) =>
    departmentName(t, d),
  );
  const scope =
    me && query.data
      ? t('kanban.federation.scope', {
          org: me.org.name,
          departments: departments.join(t('kanban.federation.listSeparator')),
          count: departments.length,
        })
      : undefined;
  return (
    <Flex vertical gap={12} data-testid="kanban-federation">
      <BoardHeader
        title={t('kanban.federation.title')}
        scope={scope}
        range={range}
        days={days}
        onDays={setDays}
      />
      {query.data ? <OverviewFigures data={query.data} /> : <QueryState query={query} />}
      <ProcessBoard range={range} />
    </Flex>
  );
}
