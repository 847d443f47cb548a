import { useQuery } from '@tanstack/react-query';
import type { ProcessAnalyticsDto } from '@unionflow/contracts';
import { useLocalText } from '@unionflow/ui/core';
import { Flex, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { analyticsApi, type BoardRange } from './analytics-api';
import { QueryState, SectionGrid } from './board-layout';
import { BoardSection } from './board-section';
import { barOption } from './chart-options';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The five figures of one process's flow. */
function ProcessFigures({ data }: { data: ProcessAnalyticsDto }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const sections = useMemo(() => {
    const step = (s: { stepName: { zh: string; en?: string } }) => text(s.stepName);
    const started = t('kanban.process.started');
    const finished = t('kanban.process.finished');
    const median = t('kanban.process.median');
    const p90 = t('kanban.process.p90');
    const open = t('kanban.process.open');
    const oldest = t('kanban.process.oldestDays');
    const breaches = t('kanban.process.breaches');
    const escalations = t('kanban.process.escalations');
    const rate = t('kanban.process.returnRate');
    const slaName = (s: ProcessAnalyticsDto['sla'][number]) => `${step(s)} · ${s.unit}`;
    return [
      {
        id: 'weekly',
        title: t('kanban.process.weekly'),
        // Every week of the range is listed; a range with no case started or closed has nothing to draw.
        empty: data.weeks.every((w) => w.started + w.finished === 0),
        option: barOption({
          categories: data.weeks.map((w) => w.week.slice(5)),
          series: [
            { name: started, data: data.weeks.map((w) => w.started) },
            { name: finished, data: data.weeks.map((w) => w.finished) },
          ],
        }),
        table: {
          header: [t('kanban.process.week'), started, finished],
          rows: data.weeks.map((w) => [w.week, w.started, w.finished]),
        },
      },
      {
        id: 'step-times',
        title: t('kanban.process.stepTimes'),
        option: barOption({
          categories: data.stepTimes.map(step),
          series: [
            { name: median, data: data.stepTimes.map((s) => s.medianHours) },
            { name: p90, data: data.stepTimes.map((s) => s.p90Hours) },
          ],
          horizontal: true,
          unit: 'h',
        }),
        table: {
          header: [t('kanban.process.step'), t('kanban.process.completed'), median, p90],
          rows: data.stepTimes.map((s) => [step(s), s.completed, s.medianHours, s.p90Hours]),
        },
      },
      {
        id: 'waiting',
        title: t('kanban.process.waiting'),
        option: barOption({
          categories: data.waiting.map(step),
          series: [
            { name: open, data: data.waiting.map((w) => w.open) },
            { name: oldest, data: data.waiting.map((w) => round1(w.oldestAgeHours / 24)) },
          ],
          horizontal: true,
        }),
        table: {
          header: [t('kanban.process.step'), open, oldest],
          rows: data.waiting.map((w) => [step(w), w.open, round1(w.oldestAgeHours / 24)]),
        },
      },
      {
        id: 'sla',
        title: t('kanban.process.sla'),
        option: barOption({
          categories: data.sla.map(slaName),
          series: [
            { name: breaches, data: data.sla.map((s) => s.breaches) },
            { name: escalations, data: data.sla.map((s) => s.escalations) },
          ],
          horizontal: true,
          stacked: true,
        }),
        table: {
          header: [t('kanban.process.step'), t('kanban.unit'), breaches, escalations],
          rows: data.sla.map((s) => [step(s), s.unit, s.breaches, s.escalations]),
        },
      },
      {
        id: 'returns',
        title: t('kanban.process.returns'),
        option: barOption({
          categories: data.returns.map(step),
          series: [{ name: rate, data: data.returns.map((r) => round1(r.rate * 100)) }],
          horizontal: true,
          unit: '%',
        }),
        table: {
          header: [t('kanban.process.step'), t('kanban.process.opened'), t('kanban.process.returned'), rate],
          rows: data.returns.map((r) => [step(r), r.opened, r.returned, `${round1(r.rate * 100)}%`]),
        },
      },
    ];
  }, [data, t, text]);
  return (
    <SectionGrid>
      {sections.map((s) => (
        <BoardSection key={s.id} {...s} />
      ))}
    </SectionGrid>
  );
}

/**
 * Process analytics for any process the caller may analyse (of one department, when given): pick the
 * process, read its flow. The list comes from the server, so it holds exactly the processes allowed.
 */
export function ProcessBoard({ range, department }: { range: BoardRange; department?: string }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const overview = useQuery({
    queryKey: ['analytics', 'overview', range],
    queryFn: () => analyticsApi.overview(range),
  });
  // The busiest process first: it is the one a leader most likely came to look at.
  const processes = (overview.data?.processes ?? [])
    .filter((p) => !department || p.department === department)
    .sort((a, b) => b.started + b.openNow - (a.started + a.openNow));
  const [picked, setPicked] = useState<string>();
  const key = picked ?? processes[0]?.processKey;
  const flow = useQuery({
    queryKey: ['analytics', 'process', key, range],
    queryFn: () => analyticsApi.process(key!, range),
    enabled: key !== undefined,
  });
  return (
    <Flex vertical gap={12} data-testid="process-board">
      <QueryState query={overview} />
      {processes.length > 0 && <Typography.Text strong>{t('kanban.process.title')}</Typography.Text>}
      {processes.length > 0 && (
        <Select
          value={key}
          onChange={setPicked}
          style={{ width: '100%', maxWidth: 360 }}
          aria-label={t('kanban.process.pick')}
          data-testid="process-picker"
          options={processes.map((p) => ({ value: p.processKey, label: text(p.name) }))}
        />
      )}
      {key !== undefined && <QueryState query={flow} />}
      {flow.data && <ProcessFigures data={flow.data} />}
    </Flex>
  );
}
