import type { NoticeListDto, ObjectionBody, ObjectionReceiptDto } from '@unionflow/contracts';
import { apiRequest } from '@unionflow/ui';

/** 公示 calls: the board of my own unit, and an objection to one notice. */
export const noticeApi = {
  board: () => apiRequest<NoticeListDto>('/api/notices'),
  object: (caseId: string, body: ObjectionBody, idempotencyKey: string) =>
    apiRequest<ObjectionReceiptDto>(`/api/notices/${encodeURIComponent(caseId)}/objections`, {
      method: 'POST',
      body,
      idempotencyKey,
    }),
};
