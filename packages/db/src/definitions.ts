import type { ProcessDefinition } from '@unionflow/process-model';
import { type Kysely, sql, type Transaction } from 'kysely';
import { appendAuditEvents } from './audit';
import type { Database } from './schema';

/** How a definition is published: who owns a key published for the first time, and the audit trail. */
export interface PublishOptions {
  /** Owner of a key that has none yet; default the root org (federation-wide). Ignored for known keys. */
  ownerOrgId?: string;
  /** Append a `definition-published` event to the audit chain in the same transaction. */
  audited?: boolean;
  /**
   * The latest version the publisher saw: when another version was published since, nothing is
   * published and {@link StaleVersionError} is thrown (checked under the publish lock).
   */
  baseVersion?: number;
  /** The document is an older version published again: audited as `definition-restored`. */
  restoredFrom?: number;
}

/** Someone published a version after the one the caller based the publish on. */
export class StaleVersionError extends Error {
  constructor(
    readonly key: string,
    readonly baseVersion: number,
    readonly latestVersion: number | null,
  ) {
    super(`process ${key} is at version ${latestVersion}, not ${baseVersion}`);
    this.name = 'StaleVersionError';
  }
}

/** The root org of the federation (the one without a parent), or null on an empty directory. */
export async function rootOrgId(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('orgs')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Records the owner of a key that has none (the first draft or version of a new process); an existing
 * owner is kept. Returns the owner the key has afterwards, or null when no org exists to own it.
 */
export async function claimProcessKey(
  trx: Transaction<Database>,
  key: string,
  ownerOrgId: string | undefined,
): Promise<string | null> {
  const owner = ownerOrgId ?? (await rootOrgId(trx));
  if (owner) {
    await trx
      .insertInto('process_owners')
      .values({ key, owner_org_id: owner })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  const row = await trx
    .selectFrom('process_owners')
    .select('owner_org_id')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.owner_org_id ?? null;
}

/**
 * Publishes a definition as the next version of its key and returns the stored document. Versions are
 * immutable: running cases keep the snapshot they started with. Publishing a retired process brings it
 * back: people may start it again.
 */
export async function publishDefinition(
  db: Kysely<Database>,
  def: ProcessDefinition,
  publishedBy: string | null,
  options: PublishOptions = {},
): Promise<ProcessDefinition> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`unionflow.publish.${def.key}`}))`.execute(trx);
    const last = await trx
      .selectFrom('process_versions')
      .select(({ fn }) => fn.max('version').as('v'))
      .where('key', '=', def.key)
      .executeTakeFirst();
    const previous = last?.v ?? null;
    if (options.baseVersion !== undefined && options.baseVersion !== previous) {
      throw new StaleVersionError(def.key, options.baseVersion, previous);
    }
    const version = (previous ?? 0) + 1;
    const doc: ProcessDefinition = { ...def, version };
    const publishedAt = new Date();
    await trx
      .insertInto('process_versions')
      .values({
        key: def.key,
        version,
        document: JSON.stringify(doc) as never,
        published_at: publishedAt,
        published_by: publishedBy,
      })
      .execute();
    const owner = await claimProcessKey(trx, def.key, options.ownerOrgId);
    const revived = await trx
      .updateTable('process_owners')
      .set({ retired_at: null, retired_by: null })
      .where('key', '=', def.key)
      .where('retired_at', 'is not', null)
      .executeTakeFirst();
    if (options.audited) {
      await appendAuditEvents(trx, [
        {
          eventKey: `definition:${def.key}:v${version}:published`,
          caseId: null,
          at: publishedAt.toISOString(),
          actorId: publishedBy,
          type: options.restoredFrom === undefined ? 'definition-published' : 'definition-restored',
          payload: {
            orgId: owner,
            key: def.key,
            name: def.name.zh,
            version: { from: previous, to: version },
            ...(options.restoredFrom === undefined ? {} : { restoredFrom: options.restoredFrom }),
            ...(Number(revived.numUpdatedRows) > 0 ? { status: { from: 'retired', to: 'published' } } : {}),
          },
        },
      ]);
    }
    return doc;
  });
}
