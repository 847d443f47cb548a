import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import { AppError } from '../errors';
import { findOpenFile, lockHousehold, ONE_OPEN_FILE_PROCESSES } from './open-file-repository';

/** 409 naming the household's open file, so the new-case page can link to it. */
function fileAlreadyOpen(existing: { id: string; number: string }): AppError {
  return new AppError(
    409,
    'household-file-open',
    `您已有一份未结束的困难职工档案（${existing.number}），不能重复建档 / you already have an open hardship file (${existing.number}); a household holds one file at a time`,
    { extensions: { existingCase: existing } },
  );
}

/**
 * Runs `start` for a process that opens a household file only when the applicant has none open;
 * other processes start straight away. The check and the start share one advisory lock, held until
 * the new case is registered, so of two concurrent starts one gets 201 and the other 409.
 * `caseId` is the case this start would create: a retried start of that same case is not refused.
 */
export async function withOneOpenFile<T>(
  db: Kysely<Database>,
  processKey: string,
  applicantId: string,
  caseId: string,
  start: () => Promise<T>,
): Promise<T> {
  if (!ONE_OPEN_FILE_PROCESSES.includes(processKey)) return start();
  return db.transaction().execute(async (trx) => {
    await lockHousehold(trx, applicantId);
    // Read committed: this statement, run after the lock, sees the case the previous holder registered.
    const existing = await findOpenFile(trx, applicantId, ONE_OPEN_FILE_PROCESSES);
    if (existing && existing.id !== caseId) throw fileAlreadyOpen(existing);
    return start();
  });
}
