import type { Database } from '@unionflow/db';
import type { Transaction } from 'kysely';
import { AppError } from '../../errors';
import { bytesUploadedBy, lockUploadQuota } from '../../files/file-repository';

/** Default bytes one user may keep uploaded (all their files together): 200 MiB. */
export const DEFAULT_UPLOAD_QUOTA_BYTES = 200 * 1024 * 1024;

/** The per-user quota, read per request so an operator's `UPLOAD_QUOTA_BYTES` applies at once. */
export function uploadQuotaBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.UPLOAD_QUOTA_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_UPLOAD_QUOTA_BYTES;
}

/**
 * Bidirectional overrides and isolates (and the invisible marks) make `invoice‮fdp.exe` display as
 * `invoiceexe.pdf`; a file name has no use for them. Path separators and controls become `_`.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The name the file is stored and offered for download under. */
export function safeFilename(given: string): string {
  const cleaned = given
    .replace(BIDI, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
    .replace(/[\\/\u0000-\u001F\u007F]/g, '_')
    .trim();
  return cleaned.length > 0 ? cleaned : 'file';
}

/**
 * Refuses an upload that would take the user past their quota. Runs in the insert's transaction
 * under a per-user advisory lock, so two parallel uploads cannot both slip under the limit.
 */
export async function checkUploadQuota(
  trx: Transaction<Database>,
  ownerId: string,
  size: number,
): Promise<void> {
  await lockUploadQuota(trx, ownerId);
  const used = await bytesUploadedBy(trx, ownerId);
  const quota = uploadQuotaBytes();
  if (used + size <= quota) return;
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  throw new AppError(
    413,
    'upload-quota-exceeded',
    `上传空间已用完（上限 ${mib(quota)} MB，已用 ${mib(used)} MB），请删除不用的附件或联系管理员 / ` +
      `your upload space is full (limit ${mib(quota)} MB, used ${mib(used)} MB); remove unused attachments or ask an administrator`,
  );
}
