import { Card, Col, Flex, Row, Segmented, Spin, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/problem-alert';
import type { BoardRange } from './analytics-api';
import { lastDays, RANGE_PRESETS, type RangePreset } from './board-range';

/** The range switcher every board shares: four weeks, twelve weeks, half a year, a year. */
export function RangeSwitch({
  value,
  onChange,
}: {
  value: RangePreset;
  onChange: (days: RangePreset) => void;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ overflowX: 'auto' }}>
      <Segmented
        size="small"
        value={value}
        onChange={(v) => onChange(v as RangePreset)}
        options={RANGE_PRESETS.map((days) => ({ value: days, label: t(`kanban.range.${days}`) }))}
      />
    </div>
  );
}

export const rangeOf = (days: RangePreset): BoardRange => lastDays(days);

/** A board's header: its title, the range it covers, and the range switch. */
export function BoardHeader({
  title,
  range,
  days,
  onDays,
  extra,
  scope,
}: {
  title: string;
  /** What the figures cover (whose units, which departments), in words. */
  scope?: ReactNode;
  range: BoardRange;
  days: RangePreset;
  onDays: (days: RangePreset) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('kanban.rangeText', { from: range.from, to: range.to })}
          </Typography.Text>
        </Flex>
        {scope && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="board-scope">
            {scope}
          </Typography.Text>
        )}
        <Flex gap={8} wrap align="center">
          <RangeSwitch value={days} onChange={onDays} />
          {extra}
        </Flex>
      </Flex>
    </Card>
  );
}

/** Headline numbers in a row (two per line on a phone). */
export function Figures({ items }: { items: { key: string; title: string; value: ReactNode }[] }) {
  return (
    <Row gutter={[12, 12]}>
      {items.map((item) => (
        <Col key={item.key} xs={12} md={6}>
          <Card size="small" data-testid={`figure-${item.key}`}>
            <Statistic title={item.title} value={item.value as string} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Sections two abreast on a desktop, one under the other on a phone. */
export function SectionGrid({ children }: { children: ReactNode[] }) {
  return (
    <Row gutter={[12, 12]}>
      {children.map((child, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of sections, never reordered
        <Col key={i} xs={24} lg={12}>
          {child}
        </Col>
      ))}
    </Row>
  );
}

/** Loading and error states of a board's query. */
export function QueryState({
  query,
}: {
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
}) {
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Spin />;
  return null;
}
