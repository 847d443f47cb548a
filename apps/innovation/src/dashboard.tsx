import type { CaseSummaryDto } from '@unionflow/contracts';
import { countByStatus } from '@unionflow/ui';
import { Card, Col, Row } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { perMonth } from './innovation-cases';

// Only what the two charts use, so this lazily loaded chunk stays small.
echarts.use([
  BarChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  CanvasRenderer,
]);

function Chart({ option, label }: { option: echarts.EChartsCoreOption; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({ aria: { enabled: true }, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height: 260 }} />;
}

/** Innovation at a glance: cases by status and submissions per month. */
export function Dashboard({ cases }: { cases: CaseSummaryDto[] }) {
  const { t } = useTranslation();
  const counts = Object.entries(countByStatus(cases)).filter(([k]) => k !== 'total');
  const months = perMonth(cases);
  return (
    <Row gutter={[12, 12]} data-testid="innovation-dashboard">
      <Col xs={24} md={12}>
        <Card size="small" title={t('innovation.byStatus')}>
          <Chart
            label={t('innovation.byStatus')}
            option={{
              tooltip: { trigger: 'item' },
              series: [
                {
                  type: 'pie',
                  radius: ['40%', '70%'],
                  data: counts.map(([status, n]) => ({ name: t(`status.case.${status}`), value: n })),
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('innovation.byMonth')}>
          <Chart
            label={t('innovation.byMonth')}
            option={{
              tooltip: { trigger: 'axis' },
              grid: { left: 32, right: 12, top: 16, bottom: 24 },
              xAxis: { type: 'category', data: months.map(([m]) => m) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [{ type: 'bar', data: months.map(([, n]) => n), itemStyle: { color: '#c8102e' } }],
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}
