import type {
  DefinitionDocumentDto,
  DefinitionOverviewDto,
  DraftViewDto,
  ImpactReportDto,
  MigrateResultDto,
  PublishResultDto,
  RetireResultDto,
  SaveDraftBody,
  SaveDraftResultDto,
  SimulateBody,
  SimulateResultDto,
  ValidationReportDto,
  VersionDocumentDto,
  VersionSummaryDto,
} from '@unionflow/contracts';
import { apiRequest } from './client';

const def = (key: string) => `/api/admin/definitions/${encodeURIComponent(key)}`;

/** Typed calls for the admin's process designer. */
export const adminApi = {
  definitions: () => apiRequest<DefinitionOverviewDto[]>('/api/admin/definitions'),
  draft: (key: string) => apiRequest<DraftViewDto>(`${def(key)}/draft`),
  saveDraft: (key: string, body: SaveDraftBody) =>
    apiRequest<SaveDraftResultDto>(`${def(key)}/draft`, { method: 'PUT', body }),
  validate: (key: string, document?: DefinitionDocumentDto) =>
    apiRequest<ValidationReportDto>(`${def(key)}/validate`, { method: 'POST', body: { document } }),
  simulate: (key: string, body: SimulateBody) =>
    apiRequest<SimulateResultDto>(`${def(key)}/simulate`, { method: 'POST', body }),
  publish: (key: string, idempotencyKey: string) =>
    apiRequest<PublishResultDto>(`${def(key)}/publish`, { method: 'POST', body: {}, idempotencyKey }),
  retire: (key: string, idempotencyKey: string) =>
    apiRequest<RetireResultDto>(`${def(key)}/retire`, { method: 'POST', body: {}, idempotencyKey }),
  restore: (key: string, version: number, baseVersion: number, idempotencyKey: string) =>
    apiRequest<PublishResultDto & { restoredFrom: number }>(`${def(key)}/versions/${version}/restore`, {
      method: 'POST',
      body: { baseVersion },
      idempotencyKey,
    }),
  versions: (key: string) => apiRequest<VersionSummaryDto[]>(`${def(key)}/versions`),
  version: (key: string, version: number) =>
    apiRequest<VersionDocumentDto>(`${def(key)}/versions/${version}`),
  impact: (key: string, version?: number) =>
    apiRequest<ImpactReportDto>(`${def(key)}/impact`, { query: { version } }),
  migrate: (caseId: string, version: number, idempotencyKey: string) =>
    apiRequest<MigrateResultDto>(`/api/admin/cases/${encodeURIComponent(caseId)}/migrate`, {
      method: 'POST',
      body: { version },
      idempotencyKey,
    }),
};
