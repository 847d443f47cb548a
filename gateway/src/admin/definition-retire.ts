import type { RetireResultDto } from '@unionflow/contracts';
import { appendAuditEvents, claimProcessKey, type Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import type { AuthUser } from '../auth';
import { conflict } from '../errors';
import { managesProcess, noProcess, processOwnership } from './definition-owner';

/**
 * Retires a process: nobody may start it any more, while its running cases go on, on the version
 * each started with. Audited in the same transaction; a second retire is 409 and writes nothing.
 */
export async function retireDefinition(
  db: Kysely<Database>,
  user: AuthUser,
  key: string,
  reason: string | undefined,
): Promise<RetireResultDto> {
  return db.transaction().execute(async (trx) => {
    // The publish lock: a retire and a publish of one key never interleave.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`unionflow.publish.${key}`}))`.execute(trx);
    const latest = await trx
      .selectFrom('process_versions')
      .select(['version', 'document'])
      .where('key', '=', key)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    let owner = await processOwnership(trx, key);
    if (!owner && latest) {
      // Published before owners were recorded: federation-wide.
      await claimProcessKey(trx, key, undefined);
      owner = await processOwnership(trx, key);
    }
    if (!owner || !managesProcess(user, owner)) throw noProcess(key);
    if (!latest) {
      throw conflict(
        `流程 ${key} 尚未发布，无需停用 / process "${key}" was never published, so there is nothing to retire`,
      );
    }
    const name = (latest.document as { name?: { zh?: string } }).name?.zh ?? key;
    if (owner.retiredAt) {
      throw conflict(`流程「${name}」已经停用 / process "${key}" is already retired`);
    }
    const retiredAt = new Date();
    await trx
      .updateTable('process_owners')
      .set({ retired_at: retiredAt, retired_by: user.id })
      .where('key', '=', key)
      .execute();
    const running = await trx
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('process_key', '=', key)
      .where('status', '=', 'running')
      .executeTakeFirstOrThrow();
    const runningCases = Number(running.n);
    await appendAuditEvents(trx, [
      {
        eventKey: `definition:${key}:v${latest.version}:retired:${retiredAt.getTime()}`,
        caseId: null,
        at: retiredAt.toISOString(),
        actorId: user.id,
        type: 'definition-retired',
        payload: {
          orgId: owner.ownerOrgId,
          key,
          name,
          status: { from: 'published', to: 'retired' },
          version: latest.version,
          runningCases,
          ...(reason ? { reason } : {}),
        },
      },
    ]);
    return { key, retiredAt: retiredAt.toISOString(), runningCases };
  });
}
