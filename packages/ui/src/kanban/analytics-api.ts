import type {
  AnalyticsOverviewDto,
  DisputeAnalyticsDto,
  HardshipAnalyticsDto,
  InnovationAnalyticsDto,
  ProcessAnalyticsDto,
} from '@unionflow/contracts';
import { apiRequest } from '@unionflow/ui/core';

/** The days a board covers, inclusive, Asia/Shanghai. */
export interface BoardRange {
  from: string;
  to: string;
}

const q = (range: BoardRange) => ({ query: { from: range.from, to: range.to } });

/** The 看板 endpoints (ADR 029); every figure is computed by the server for the caller's org scope. */
export const analyticsApi = {
  overview: (range: BoardRange) => apiRequest<AnalyticsOverviewDto>('/api/analytics/overview', q(range)),
  process: (key: string, range: BoardRange) =>
    apiRequest<ProcessAnalyticsDto>(`/api/analytics/processes/${encodeURIComponent(key)}`, q(range)),
  innovation: (range: BoardRange) =>
    apiRequest<InnovationAnalyticsDto>('/api/analytics/innovation', q(range)),
  hardship: (range: BoardRange) => apiRequest<HardshipAnalyticsDto>('/api/analytics/hardship', q(range)),
  disputes: (range: BoardRange) => apiRequest<DisputeAnalyticsDto>('/api/analytics/disputes', q(range)),
};
