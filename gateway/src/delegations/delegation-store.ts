import { randomUUID } from 'node:crypto';
import type { DelegationsTable } from '@unionflow/db';
import { appendAuditEvents, type Database } from '@unionflow/db';
import type { Kysely, Selectable, Transaction } from 'kysely';

/** A user as shown on a delegation. */
export interface PersonRef {
  id: string;
  username: string;
  displayName: string;
}

/** A standing delegation as the API returns it. */
export interface DelegationView {
  id: string;
  from: PersonRef;
  to: PersonRef;
  startsAt: string;
  endsAt: string | null;
  reason: string;
  createdAt: string;
  /** In force right now (started, not ended). */
  active: boolean;
}

/** An enabled user by username, or undefined. */
export async function findActiveUser(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.username', 'users.display_name', 'orgs.path as org_path'])
    .where('users.username', '=', username)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
}

function toView(
  row: Selectable<DelegationsTable>,
  people: Map<string, PersonRef>,
  now: Date,
): DelegationView {
  const person = (id: string): PersonRef => people.get(id) ?? { id, username: id, displayName: id };
  const startsAt = new Date(row.starts_at);
  const endsAt = row.ends_at ? new Date(row.ends_at) : null;
  return {
    id: row.id,
    from: person(row.from_user_id),
    to: person(row.to_user_id),
    startsAt: startsAt.toISOString(),
    endsAt: endsAt ? endsAt.toISOString() : null,
    reason: row.reason,
    createdAt: new Date(row.created_at).toISOString(),
    active: startsAt <= now && (endsAt === null || endsAt > now),
  };
}

/** Delegations given by and to the user, newest first. */
export async function listDelegations(
  db: Kysely<Database>,
  userId: string,
): Promise<{ given: DelegationView[]; received: DelegationView[] }> {
  const rows = await db
    .selectFrom('delegations')
    .selectAll()
    .where((eb) => eb.or([eb('from_user_id', '=', userId), eb('to_user_id', '=', userId)]))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const ids = [...new Set(rows.flatMap((r) => [r.from_user_id, r.to_user_id]))];
  const users =
    ids.length === 0
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'username', 'display_name'])
          .where('id', 'in', ids)
          .execute();
  const people = new Map(
    users.map((u) => [u.id, { id: u.id, username: u.username, displayName: u.display_name }]),
  );
  const now = new Date();
  const views = rows.map((r) => toView(r, people, now));
  return {
    given: views.filter((v) => v.from.id === userId),
    received: views.filter((v) => v.to.id === userId),
  };
}

/** What a new delegation needs; validated by the caller. */
export interface NewDelegation {
  fromUserId: string;
  toUserId: string;
  startsAt: Date;
  endsAt: Date | null;
  reason: string;
  actorId: string;
  /** Audit event type: `delegation-created` or `hand-over`. */
  auditType: string;
}

/** People's names by id, so an audit 详情 reads 李娜 → 王芳 rather than user ids. */
async function namesOf(trx: Transaction<Database>, ids: string[]): Promise<Map<string, string>> {
  const rows = await trx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Inserts a delegation and its audit event in one transaction; returns the new id. */
export async function createDelegation(db: Kysely<Database>, d: NewDelegation): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('delegations')
      .values({
        id,
        from_user_id: d.fromUserId,
        to_user_id: d.toUserId,
        starts_at: d.startsAt,
        ends_at: d.endsAt,
        reason: d.reason,
        created_at: now,
      })
      .execute();
    const names = await namesOf(trx, [d.fromUserId, d.toUserId]);
    await appendAuditEvents(trx, [
      {
        eventKey: `delegation:${id}:created`,
        caseId: null,
        at: now.toISOString(),
        actorId: d.actorId,
        type: d.auditType,
        payload: {
          delegationId: id,
          from: d.fromUserId,
          to: d.toUserId,
          fromName: names.get(d.fromUserId) ?? d.fromUserId,
          toName: names.get(d.toUserId) ?? d.toUserId,
          startsAt: d.startsAt.toISOString(),
          endsAt: d.endsAt?.toISOString() ?? null,
          reason: d.reason,
        },
      },
    ]);
  });
  return id;
}

/** Deletes one of the user's own delegations (with an audit event); false when there is none. */
export async function deleteOwnDelegation(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('delegations')
      .where('id', '=', id)
      .where('from_user_id', '=', userId)
      .returningAll()
      .executeTakeFirst();
    if (!row) return false;
    const now = new Date();
    const names = await namesOf(trx, [row.from_user_id, row.to_user_id]);
    await appendAuditEvents(trx, [
      {
        eventKey: `delegation:${id}:revoked`,
        caseId: null,
        at: now.toISOString(),
        actorId: userId,
        type: 'delegation-revoked',
        payload: {
          delegationId: id,
          from: row.from_user_id,
          to: row.to_user_id,
          fromName: names.get(row.from_user_id) ?? row.from_user_id,
          toName: names.get(row.to_user_id) ?? row.to_user_id,
        },
      },
    ]);
    return true;
  });
}

/** The delegation view of one row (after create). */
export async function delegationById(db: Kysely<Database>, id: string): Promise<DelegationView | null> {
  const row = await db.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('id', 'in', [row.from_user_id, row.to_user_id])
    .execute();
  const people = new Map(
    users.map((u) => [u.id, { id: u.id, username: u.username, displayName: u.display_name }]),
  );
  return toView(row, people, new Date());
}

/** An open-ended delegation from → to already in force, for re-running a hand-over. */
export async function openEndedDelegation(
  db: Kysely<Database>,
  fromUserId: string,
  toUserId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('delegations')
    .select('id')
    .where('from_user_id', '=', fromUserId)
    .where('to_user_id', '=', toUserId)
    .where('ends_at', 'is', null)
    .where('starts_at', '<=', new Date())
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}
