import type { ChartOption } from './echart';

export interface Series {
  name: string;
  data: number[];
}

/**
 * A bar chart over categories. Horizontal for step names (long Chinese labels read better down the
 * side on a phone); stacked when the series are parts of one whole.
 */
export function barOption(options: {
  categories: string[];
  series: Series[];
  horizontal?: boolean;
  stacked?: boolean;
  unit?: string;
}): ChartOption {
  const { categories, series, horizontal = false, stacked = false, unit = '' } = options;
  const category = {
    type: 'category',
    data: categories,
    axisLabel: { width: 96, overflow: 'truncate', hideOverlap: true },
    ...(horizontal ? { inverse: true } : {}),
  };
  const value = {
    type: 'value',
    minInterval: unit ? undefined : 1,
    axisLabel: { formatter: `{value}${unit}` },
  };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // A stacked chart names its parts even when there is only one so far.
    legend: series.length > 1 || stacked ? { top: 0, left: 0, type: 'scroll', width: '75%' } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 || stacked ? 32 : 28, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      ...(stacked ? { stack: 'total' } : {}),
      barMaxWidth: 28,
    })),
  };
}

/** A line per series over time (months, weeks); `stackedArea` when the series are parts of one whole. */
export function lineOption(
  categories: string[],
  series: Series[],
  unit = '',
  stackedArea = false,
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 0, type: 'scroll', width: '75%' },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: `{value}${unit}` } },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      smooth: false,
      symbolSize: 6,
      ...(stackedArea ? { stack: 'total', areaStyle: {} } : {}),
    })),
  };
}

/** A ring of parts of a whole. */
export function pieOption(parts: { name: string; value: number }[]): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['38%', '66%'], center: ['50%', '45%'], data: parts }],
  };
}

/** Yuan from fen for a chart's value axis (two decimals at most). */
export const yuan = (fen: number) => Math.round(fen) / 100;
