import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  ToolboxComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// Only the parts the boards draw, so the lazily loaded 看板 chunk stays small.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  ToolboxComponent,
  AriaComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** The union's red first, then colours that stay apart for colour-blind readers. */
export const BOARD_COLORS = ['#c8102e', '#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b'];

/**
 * One chart, with ECharts' own "save as PNG" in its corner (white background, the chart's title as the
 * file name). Resizes with its container, so a phone gets the same chart, narrower.
 */
export function EChart({
  option,
  label,
  fileName,
  height = 280,
}: {
  option: ChartOption;
  label: string;
  fileName: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const saveTitle = t('kanban.savePng');
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      aria: { enabled: true },
      color: BOARD_COLORS,
      toolbox: {
        right: 4,
        feature: {
          saveAsImage: { name: fileName, title: saveTitle, backgroundColor: '#fff', pixelRatio: 2 },
        },
      },
      ...option,
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option, fileName, saveTitle]);
  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
