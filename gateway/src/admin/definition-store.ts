import type { DefinitionOverviewDto, DraftViewDto, VersionSummaryDto } from '@unionflow/contracts';
import { canonicalJson, type Database } from '@unionflow/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuthUser } from '../auth';
import { conflict } from '../errors';
import { claimForDraft, managesProcess } from './definition-owner';

type Db = Kysely<Database>;
type Doc = Record<string, unknown>;

const iso = (d: Date | string) => new Date(d).toISOString();

/** True when two documents describe the same process; the version number is not part of the design. */
export function sameDesign(a: Doc, b: Doc): boolean {
  const { version: _a, ...restA } = a;
  const { version: _b, ...restB } = b;
  return canonicalJson(restA) === canonicalJson(restB);
}

function textOf(value: unknown, fallback: string): { zh: string; en?: string } {
  if (value && typeof value === 'object' && typeof (value as { zh?: unknown }).zh === 'string') {
    const t = value as { zh: string; en?: unknown };
    return typeof t.en === 'string' ? { zh: t.zh, en: t.en } : { zh: t.zh };
  }
  return { zh: fallback };
}

/** Running cases per key and version. */
async function runningCounts(db: Db, key?: string): Promise<Map<string, Map<number, number>>> {
  let q = db
    .selectFrom('cases')
    .select(['process_key', 'process_version', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', '=', 'running')
    .groupBy(['process_key', 'process_version']);
  if (key) q = q.where('process_key', '=', key);
  const rows = await q.execute();
  const byKey = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const m = byKey.get(r.process_key) ?? new Map<number, number>();
    m.set(r.process_version, Number(r.n));
    byKey.set(r.process_key, m);
  }
  return byKey;
}

/**
 * Every process key the admin manages (owned in their subtree) with its owner, latest version, draft
 * state, retirement and running cases per version.
 */
export async function listDefinitions(db: Db, user: AuthUser): Promise<DefinitionOverviewDto[]> {
  const [latest, drafts, counts, owners] = await Promise.all([
    db
      .selectFrom('process_versions as v')
      .select(['v.key', 'v.version', 'v.document', 'v.published_at'])
      .where(({ eb, selectFrom }) =>
        eb(
          'v.version',
          '=',
          selectFrom('process_versions as w')
            .select(({ fn }) => fn.max('w.version').as('m'))
            .whereRef('w.key', '=', 'v.key'),
        ),
      )
      .execute(),
    db.selectFrom('process_drafts').select(['key', 'document']).execute(),
    runningCounts(db),
    db
      .selectFrom('process_owners as p')
      .leftJoin('orgs as o', 'o.id', 'p.owner_org_id')
      .select(['p.key', 'p.owner_org_id', 'o.name', 'o.path', 'p.retired_at'])
      .execute(),
  ]);
  const ownerOf = new Map(owners.map((o) => [o.key, o]));
  const keys = [...new Set([...latest.map((r) => r.key), ...drafts.map((d) => d.key)])]
    .filter((key) => managesProcess(user, { ownerPath: ownerOf.get(key)?.path ?? null }))
    .sort();
  return keys.map((key) => {
    const owner = ownerOf.get(key);
    const version = latest.find((r) => r.key === key);
    const draft = drafts.find((d) => d.key === key);
    const doc = (version?.document ?? draft?.document ?? {}) as Doc;
    const running = counts.get(key) ?? new Map<number, number>();
    return {
      key,
      name: textOf(doc.name, key),
      department: typeof doc.department === 'string' ? doc.department : '',
      latestVersion: version?.version ?? null,
      publishedAt: version ? iso(version.published_at) : null,
      hasDraft: draft !== undefined,
      draftChanged: draft !== undefined && (!version || !sameDesign(draft.document, version.document)),
      runningCases: [...running.entries()]
        .sort(([a], [b]) => a - b)
        .map(([v, count]) => ({ version: v, count })),
      owner: owner ? { id: owner.owner_org_id, name: owner.name ?? owner.owner_org_id } : null,
      retiredAt: owner?.retired_at ? iso(owner.retired_at) : null,
    };
  });
}

/** The latest published version of a key, or null. */
export async function latestVersionRow(db: Db, key: string) {
  return db
    .selectFrom('process_versions')
    .select(['version', 'document', 'published_at'])
    .where('key', '=', key)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The draft to edit: the stored one, else the latest version's document, else null. */
export async function loadDraft(db: Db, key: string): Promise<DraftViewDto | null> {
  const draft = await db
    .selectFrom('process_drafts as d')
    .leftJoin('users as u', 'u.id', 'd.updated_by')
    .select(['d.document', 'd.updated_at', 'u.username'])
    .where('d.key', '=', key)
    .executeTakeFirst();
  if (draft) {
    return {
      key,
      document: draft.document,
      updatedAt: iso(draft.updated_at),
      updatedBy: draft.username,
      source: 'draft',
    };
  }
  const version = await db
    .selectFrom('process_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select(['v.document', 'v.published_at', 'u.username'])
    .where('v.key', '=', key)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!version) return null;
  return {
    key,
    document: version.document,
    updatedAt: iso(version.published_at),
    updatedBy: version.username,
    source: 'version',
  };
}

/**
 * Saves a draft. With `baseUpdatedAt`, the save is refused when someone saved since (optimistic
 * concurrency); a per-key advisory lock makes the check and the write one step.
 */
async function hasVersion(trx: Transaction<Database>, key: string): Promise<boolean> {
  const row = await trx
    .selectFrom('process_versions')
    .select('key')
    .where('key', '=', key)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function saveDraft(
  db: Db,
  key: string,
  document: Doc,
  user: AuthUser,
  baseUpdatedAt: string | undefined,
  ownerOrgId?: string,
  create = false,
): Promise<Date> {
  const userId = user.id;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`unionflow.draft.${key}`}))`.execute(trx);
    await claimForDraft(trx, user, key, ownerOrgId);
    const current = await trx
      .selectFrom('process_drafts as d')
      .leftJoin('users as u', 'u.id', 'd.updated_by')
      .select(['d.updated_at', 'u.username', 'u.display_name'])
      .where('d.key', '=', key)
      .executeTakeFirst();
    if (create && (current || (await hasVersion(trx, key)))) {
      throw conflict(`流程标识 ${key} 已被使用，请重试 / the process key "${key}" is taken; try again`);
    }
    if (
      current &&
      baseUpdatedAt !== undefined &&
      new Date(current.updated_at).getTime() !== new Date(baseUpdatedAt).getTime()
    ) {
      const at = iso(current.updated_at);
      const who = current.username ? `${current.display_name}（${current.username}）` : '其他人';
      const whoEn = current.username ? `${current.username}` : 'someone else';
      throw conflict(
        `草稿已被${who}于 ${at} 修改，请重新加载后再保存 / someone else changed this draft at ${at} (${whoEn}); reload it before saving`,
      );
    }
    // Strictly later than the stored time, so two saves within one millisecond still differ.
    const previous = current ? new Date(current.updated_at).getTime() : 0;
    const updatedAt = new Date(Math.max(Date.now(), previous + 1));
    await trx
      .insertInto('process_drafts')
      .values({ key, document: JSON.stringify(document) as never, updated_at: updatedAt, updated_by: userId })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          document: JSON.stringify(document) as never,
          updated_at: updatedAt,
          updated_by: userId,
        }),
      )
      .execute();
    return updatedAt;
  });
}

/**
 * Published versions of a key, newest first, with the publisher, running case count, which one is in
 * force (the latest, unless the process is retired) and which older version a restore republished.
 */
export async function listVersions(db: Db, key: string): Promise<VersionSummaryDto[]> {
  const [rows, counts, owner, restores] = await Promise.all([
    db
      .selectFrom('process_versions as v')
      .leftJoin('users as u', 'u.id', 'v.published_by')
      .select(['v.version', 'v.published_at', 'u.username', 'u.display_name'])
      .where('v.key', '=', key)
      .orderBy('v.version', 'desc')
      .execute(),
    runningCounts(db, key),
    db.selectFrom('process_owners').select('retired_at').where('key', '=', key).executeTakeFirst(),
    // The audit chain is where a restore is recorded; versions themselves stay plain documents.
    db
      .selectFrom('audit_events')
      .select([
        sql<string>`payload->'version'->>'to'`.as('to'),
        sql<string>`payload->>'restoredFrom'`.as('from'),
      ])
      .where('type', '=', 'definition-restored')
      .where(sql<boolean>`payload->>'key' = ${key}`)
      .execute(),
  ]);
  const running = counts.get(key);
  const restoredFrom = new Map(restores.map((r) => [Number(r.to), Number(r.from)]));
  const retired = Boolean(owner?.retired_at);
  return rows.map((r, i) => ({
    version: r.version,
    publishedAt: iso(r.published_at),
    publishedBy: r.username,
    publishedByName: r.display_name,
    runningCases: running?.get(r.version) ?? 0,
    current: i === 0 && !retired,
    restoredFrom: restoredFrom.get(r.version) ?? null,
  }));
}

/** One published version with its document, or null. */
export async function versionDocument(db: Db, key: string, version: number) {
  const row = await db
    .selectFrom('process_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select(['v.document', 'v.published_at', 'u.username'])
    .where('v.key', '=', key)
    .where('v.version', '=', version)
    .executeTakeFirst();
  if (!row) return null;
  const running = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('process_key', '=', key)
    .where('process_version', '=', version)
    .where('status', '=', 'running')
    .executeTakeFirstOrThrow();
  return {
    key,
    version,
    publishedAt: iso(row.published_at),
    publishedBy: row.username,
    runningCases: Number(running.n),
    document: row.document,
  };
}

/** The document of one published version, or undefined. */
export async function publishedDocument(db: Db, key: string, version: number) {
  return db
    .selectFrom('process_versions')
    .select('document')
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** When a version that is known to exist was published. */
export async function publishedAt(db: Db, key: string, version: number): Promise<Date> {
  const row = await db
    .selectFrom('process_versions')
    .select('published_at')
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return new Date(row.published_at);
}
