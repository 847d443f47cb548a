import { apiRequest } from '@unionflow/ui';

/** A case parked because its records could not be written (ADR 013). */
export interface AttentionItemDto {
  caseId: string;
  caseNumber: string | null;
  title: string | null;
  processKey: string | null;
  message: string;
  since: string;
  updatedAt: string;
}

const action = (caseId: string, what: 'retry' | 'terminate') =>
  `/api/admin/cases/${encodeURIComponent(caseId)}/attention/${what}`;

/** Typed calls for the "cases that need attention" screen. */
export const attentionApi = {
  list: () => apiRequest<{ items: AttentionItemDto[] }>('/api/admin/attention'),
  retry: (caseId: string, idempotencyKey: string) =>
    apiRequest<{ caseId: string; status: string }>(action(caseId, 'retry'), {
      method: 'POST',
      body: {},
      idempotencyKey,
    }),
  terminate: (caseId: string, idempotencyKey: string) =>
    apiRequest<{ caseId: string; status: string }>(action(caseId, 'terminate'), {
      method: 'POST',
      body: {},
      idempotencyKey,
    }),
};
