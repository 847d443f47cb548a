import type { RecheckCampaignDto, RecheckCampaignListDto } from '@unionflow/contracts';
import { apiRequest } from '@unionflow/ui';

const BASE = '/api/hardship/recheck-campaigns';

/** Typed calls for the yearly re-check campaign (ADR 024). */
export const campaignApi = {
  list: () => apiRequest<RecheckCampaignListDto>(BASE),
  get: (id: string) => apiRequest<RecheckCampaignDto>(`${BASE}/${encodeURIComponent(id)}`),
  start: (year: number, idempotencyKey: string) =>
    apiRequest<RecheckCampaignDto>(BASE, { method: 'POST', body: { year }, idempotencyKey }),
};
