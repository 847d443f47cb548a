import type { PublishResultDto } from '@unionflow/contracts';
import { type Database, publishDefinition, StaleVersionError } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { conflict, notFound, unprocessable } from '../errors';
import { checkDefinition } from './definition-checks';
import { requireReachableSubprocesses } from './definition-owner';
import { latestVersionRow, sameDesign, versionDocument } from './definition-store';

type Db = Kysely<Database>;

/**
 * Restore: publishes an older version's document again as the next version (v1 → v3), audited as
 * `definition-restored`. Versions stay immutable and running cases keep theirs; `baseVersion` is the
 * latest version the admin saw, so a restore raced by another publish is refused with 409. An
 * untouched draft (equal to the version that was current) is dropped so the designer opens the
 * restored design; a draft with unpublished edits is kept.
 */
export async function restoreVersion(
  db: Db,
  user: AuthUser,
  key: string,
  version: number,
  baseVersion: number,
): Promise<PublishResultDto & { restoredFrom: number }> {
  const old = await versionDocument(db, key, version);
  if (!old) throw notFound(`流程 ${key} 没有第 ${version} 版 / process "${key}" has no version ${version}`);
  const document = old.document as Record<string, unknown>;
  const report = await checkDefinition(db, document);
  const first = report.errors[0];
  if (first) {
    throw unprocessable(
      `第 ${version} 版已不能再发布：${first.message.zh} / version ${version} can no longer be published: ${first.message.en}`,
    );
  }
  await requireReachableSubprocesses(db, key, document);
  const before = await latestVersionRow(db, key);
  let published: ProcessDefinition;
  try {
    published = await publishDefinition(db, document as unknown as ProcessDefinition, user.id, {
      audited: true,
      baseVersion,
      restoredFrom: version,
    });
  } catch (err) {
    if (err instanceof StaleVersionError) {
      throw conflict(
        `流程已发布到第 ${err.latestVersion} 版（您看到的是第 ${baseVersion} 版），请刷新后再恢复 / the process is now at version ${err.latestVersion}, not ${baseVersion}; reload before restoring`,
      );
    }
    throw err;
  }
  if (before) {
    const draft = await db
      .selectFrom('process_drafts')
      .select('document')
      .where('key', '=', key)
      .executeTakeFirst();
    if (
      draft &&
      sameDesign(draft.document as Record<string, unknown>, before.document as Record<string, unknown>)
    ) {
      await db.deleteFrom('process_drafts').where('key', '=', key).execute();
    }
  }
  const row = await latestVersionRow(db, key);
  return {
    key,
    version: published.version,
    publishedAt: new Date(row?.published_at ?? Date.now()).toISOString(),
    restoredFrom: version,
  };
}
