import { useQuery } from '@tanstack/react-query';
import type { DisputeAnalyticsDto, HardshipAnalyticsDto, InnovationAnalyticsDto } from '@unionflow/contracts';
import { formatFen, useLocalText } from '@unionflow/ui/core';
import { Flex } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { analyticsApi, type BoardRange } from './analytics-api';
import { BoardHeader, Figures, QueryState, rangeOf, SectionGrid } from './board-layout';
import type { RangePreset } from './board-range';
import { BoardSection } from './board-section';
import { barOption, lineOption, pieOption, yuan } from './chart-options';
import { ProcessBoard } from './process-board';

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const distinct = <T,>(values: T[]) => [...new Set(values)];

/** A department's board: its own figures on top, then the flow of each of its processes. */
function DepartmentBoard({
  title,
  department,
  children,
}: {
  title: string;
  department: string;
  children: (range: BoardRange) => ReactNode;
}) {
  const [days, setDays] = useState<RangePreset>(84);
  const range = rangeOf(days);
  return (
    <Flex vertical gap={12} data-testid={`kanban-${department}`}>
      <BoardHeader title={title} range={range} days={days} onDays={setDays} />
      {children(range)}
      <ProcessBoard range={range} department={department} />
    </Flex>
  );
}

function InnovationFigures({ data }: { data: InnovationAnalyticsDto }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const units = distinct(data.byTierUnit.map((r) => r.unit));
  const tiers = distinct(data.byTierUnit.map((r) => r.tier));
  const tierName = (tier: string) => text(data.byTierUnit.find((r) => r.tier === tier)!.tierName);
  const count = (tier: string, unit: string) =>
    data.byTierUnit.find((r) => r.tier === tier && r.unit === unit)?.proposals ?? 0;
  const paid = data.awardsByQuarter.reduce((n, q) => n + q.amountFen, 0);
  const amount = t('kanban.amountYuan');
  return (
    <>
      <Figures
        items={[
          {
            key: 'proposals',
            title: t('kanban.innovation.proposals'),
            value: data.byTierUnit.reduce((n, r) => n + r.proposals, 0),
          },
          {
            key: 'participation',
            title: t('kanban.innovation.participation'),
            value: percent(data.participation.rate),
          },
          {
            key: 'submitters',
            title: t('kanban.innovation.submitters'),
            value: `${data.participation.submitters} / ${data.participation.members}`,
          },
          { key: 'awards', title: t('kanban.innovation.awardsPaid'), value: formatFen(paid) },
          {
            key: 'reuses',
            title: t('kanban.innovation.reusesOfPublished'),
            value: `${data.library.reuses} / ${data.library.published}`,
          },
        ]}
      />
      <SectionGrid>
        {[
          <BoardSection
            key="tiers"
            id="tiers"
            title={t('kanban.innovation.byTierUnit')}
            option={barOption({
              categories: units,
              series: tiers.map((tier) => ({ name: tierName(tier), data: units.map((u) => count(tier, u)) })),
              horizontal: true,
              stacked: true,
            })}
            table={{
              header: [t('kanban.unit'), t('kanban.innovation.tier'), t('kanban.innovation.proposals')],
              rows: data.byTierUnit.map((r) => [r.unit, text(r.tierName), r.proposals]),
            }}
          />,
          <BoardSection
            key="awards"
            id="awards"
            title={t('kanban.innovation.awardsByQuarter')}
            option={barOption({
              categories: data.awardsByQuarter.map((q) => q.quarter),
              series: [{ name: amount, data: data.awardsByQuarter.map((q) => yuan(q.amountFen)) }],
              unit: t('kanban.yuanUnit'),
            })}
            table={{
              header: [t('kanban.quarter'), t('kanban.payments'), amount],
              rows: data.awardsByQuarter.map((q) => [q.quarter, q.payments, yuan(q.amountFen)]),
            }}
          />,
          ...libraryReuseSections(data.library, t),
        ]}
      </SectionGrid>
    </>
  );
}

/** 借鉴共享: reuses recorded per month, and the most reused results with how many units took them up. */
function libraryReuseSections(library: InnovationAnalyticsDto['library'], t: (key: string) => string) {
  const reuses = t('kanban.innovation.reuses');
  const entries = t('kanban.innovation.entriesReused');
  const result = t('kanban.innovation.result');
  const units = t('kanban.innovation.reusingUnits');
  return [
    <BoardSection
      key="library"
      id="library"
      title={t('kanban.innovation.libraryByMonth')}
      option={barOption({
        categories: library.byMonth.map((m) => m.month),
        series: [
          { name: reuses, data: library.byMonth.map((m) => m.reuses) },
          { name: entries, data: library.byMonth.map((m) => m.entries) },
        ],
      })}
      table={{
        header: [t('kanban.month'), reuses, entries],
        rows: library.byMonth.map((m) => [m.month, m.reuses, m.entries]),
      }}
    />,
    <BoardSection
      key="most-reused"
      id="most-reused"
      title={t('kanban.innovation.mostReused')}
      option={barOption({
        categories: library.mostReused.map((r) => r.title),
        series: [
          { name: reuses, data: library.mostReused.map((r) => r.reuses) },
          { name: units, data: library.mostReused.map((r) => r.units) },
        ],
        horizontal: true,
      })}
      table={{
        header: [
          t('kanban.innovation.caseNumber'),
          result,
          t('kanban.innovation.publishedBy'),
          reuses,
          units,
        ],
        rows: library.mostReused.map((r) => [r.caseNumber, r.title, r.unit, r.reuses, r.units]),
      }}
    />,
  ];
}

/** 创新看板: proposals by tier and unit, participation, awards paid; then the flow of each process. */
export function InnovationBoard() {
  const { t } = useTranslation();
  return (
    <DepartmentBoard title={t('kanban.innovation.title')} department="innovation">
      {(range) => <InnovationSection range={range} />}
    </DepartmentBoard>
  );
}

function InnovationSection({ range }: { range: BoardRange }) {
  const query = useQuery({
    queryKey: ['analytics', 'innovation', range],
    queryFn: () => analyticsApi.innovation(range),
  });
  return query.data ? <InnovationFigures data={query.data} /> : <QueryState query={query} />;
}

function HardshipFigures({ data }: { data: HardshipAnalyticsDto }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const months = distinct(data.levelsByMonth.map((r) => r.month));
  const levels = distinct(data.levelsByMonth.map((r) => r.level));
  const levelName = (level: string) => text(data.levelsByMonth.find((r) => r.level === level)!.levelName);
  const households = (month: string, level: string) =>
    data.levelsByMonth.find((r) => r.month === month && r.level === level)?.households ?? 0;
  const amount = t('kanban.amountYuan');
  const admitted = t('kanban.hardship.admitted');
  const exited = t('kanban.hardship.exited');
  const readmitted = t('kanban.hardship.readmitted');
  return (
    <>
      <Figures
        items={[
          {
            key: 'in-file',
            title: t('kanban.hardship.inFile'),
            value: data.inFileNow.reduce((n, r) => n + r.households, 0),
          },
          ...data.inFileNow.map((r) => ({
            key: `level-${r.level}`,
            title: text(r.levelName),
            value: r.households,
          })),
          {
            key: 'aid',
            title: t('kanban.hardship.aidPaid'),
            value: formatFen(data.aidByKind.reduce((n, r) => n + r.amountFen, 0)),
          },
        ]}
      />
      <SectionGrid>
        {[
          <BoardSection
            key="levels"
            id="levels"
            title={t('kanban.hardship.levelsByMonth')}
            option={lineOption(
              months,
              levels.map((level) => ({
                name: levelName(level),
                data: months.map((m) => households(m, level)),
              })),
              '',
              true,
            )}
            table={{
              header: [t('kanban.month'), t('kanban.hardship.level'), t('kanban.hardship.households')],
              rows: data.levelsByMonth.map((r) => [r.month, text(r.levelName), r.households]),
            }}
          />,
          <BoardSection
            key="movements"
            id="movements"
            title={t('kanban.hardship.movements')}
            option={barOption({
              categories: data.movements.map((m) => m.month),
              series: [
                { name: admitted, data: data.movements.map((m) => m.admitted) },
                { name: exited, data: data.movements.map((m) => m.exited) },
                { name: readmitted, data: data.movements.map((m) => m.readmitted) },
              ],
            })}
            table={{
              header: [t('kanban.month'), admitted, exited, readmitted],
              rows: data.movements.map((m) => [m.month, m.admitted, m.exited, m.readmitted]),
            }}
          />,
          <BoardSection
            key="aid"
            id="aid"
            title={t('kanban.hardship.aidByKind')}
            option={pieOption(
              data.aidByKind.map((a) => ({ name: text(a.kindName), value: yuan(a.amountFen) })),
            )}
            table={{
              header: [t('kanban.hardship.aidKind'), t('kanban.payments'), amount],
              rows: data.aidByKind.map((a) => [text(a.kindName), a.payments, yuan(a.amountFen)]),
            }}
          />,
        ]}
      </SectionGrid>
    </>
  );
}

/** 帮扶看板: the hardship file in numbers (never a household), then the flow of each process. */
export function HardshipBoard() {
  const { t } = useTranslation();
  return (
    <DepartmentBoard title={t('kanban.hardship.title')} department="assistance">
      {(range) => <HardshipSection range={range} />}
    </DepartmentBoard>
  );
}

function HardshipSection({ range }: { range: BoardRange }) {
  const query = useQuery({
    queryKey: ['analytics', 'hardship', range],
    queryFn: () => analyticsApi.hardship(range),
  });
  return query.data ? <HardshipFigures data={query.data} /> : <QueryState query={query} />;
}

function DisputeFigures({ data }: { data: DisputeAnalyticsDto }) {
  const { t } = useTranslation();
  const stages = [
    [t('kanban.disputes.filed'), data.filed],
    [t('kanban.disputes.mediated'), data.mediated],
    [t('kanban.disputes.settled'), data.settled],
    [t('kanban.disputes.referred'), data.referred],
  ] as const;
  const filed = t('kanban.disputes.filed');
  const settled = t('kanban.disputes.settled');
  const referred = t('kanban.disputes.referred');
  return (
    <>
      <Figures
        items={[
          { key: 'filed', title: filed, value: data.filed },
          { key: 'settled', title: settled, value: data.settled },
          {
            key: 'amount',
            title: t('kanban.disputes.amountSettled'),
            value: formatFen(data.amountSettledFen),
          },
          {
            key: 'within-limit',
            title: t('kanban.disputes.withinLimit', { days: data.limitDays }),
            value: percent(data.settledWithinLimitShare),
          },
        ]}
      />
      <SectionGrid>
        {[
          <BoardSection
            key="funnel"
            id="funnel"
            title={t('kanban.disputes.funnel')}
            option={barOption({
              categories: stages.map(([name]) => name),
              series: [{ name: t('kanban.disputes.cases'), data: stages.map(([, n]) => n) }],
            })}
            table={{
              header: [t('kanban.disputes.stage'), t('kanban.disputes.cases')],
              rows: stages.map((s) => [...s]),
            }}
          />,
          <BoardSection
            key="monthly"
            id="monthly"
            title={t('kanban.disputes.byMonth')}
            option={barOption({
              categories: data.byMonth.map((m) => m.month),
              series: [
                { name: filed, data: data.byMonth.map((m) => m.filed) },
                { name: settled, data: data.byMonth.map((m) => m.settled) },
                { name: referred, data: data.byMonth.map((m) => m.referred) },
              ],
            })}
            table={{
              header: [t('kanban.month'), filed, settled, referred],
              rows: data.byMonth.map((m) => [m.month, m.filed, m.settled, m.referred]),
            }}
          />,
        ]}
      </SectionGrid>
    </>
  );
}

/** 维权看板: disputes filed, mediated, settled, referred, amounts and the 15-day share; then each flow. */
export function DisputeBoard() {
  const { t } = useTranslation();
  return (
    <DepartmentBoard title={t('kanban.disputes.title')} department="rights">
      {(range) => <DisputeSection range={range} />}
    </DepartmentBoard>
  );
}

function DisputeSection({ range }: { range: BoardRange }) {
  const query = useQuery({
    queryKey: ['analytics', 'disputes', range],
    queryFn: () => analyticsApi.disputes(range),
  });
  return query.data ? <DisputeFigures data={query.data} /> : <QueryState query={query} />;
}
