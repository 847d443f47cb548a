import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import { pathInScope, type Scope } from '../org/org-scope';

/** Active mentor pairs whose apprentice belongs to the scope, by apprentice username. */
export async function activeMentorships(db: Kysely<Database>, scope: Pick<Scope, 'orgPath'>) {
  return db
    .selectFrom('mentorships as m')
    .innerJoin('users as a', 'a.id', 'm.apprentice_id')
    .innerJoin('users as t', 't.id', 'm.mentor_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select([
      'a.id as aid',
      'a.username as auser',
      'a.display_name as aname',
      't.id as tid',
      't.username as tuser',
      't.display_name as tname',
      'm.registered_at',
    ])
    .where('m.ended_at', 'is', null)
    .where((eb) => pathInScope(eb.ref('o.path'), scope))
    .orderBy('a.username')
    .execute();
}

/** Registers the pair; undefined when it is already registered. */
export async function registerMentorship(
  db: Kysely<Database>,
  apprenticeId: string,
  mentorId: string,
  registeredAt: Date,
) {
  return db
    .insertInto('mentorships')
    .values({ apprentice_id: apprenticeId, mentor_id: mentorId, registered_at: registeredAt, ended_at: null })
    .onConflict((oc) => oc.columns(['apprentice_id', 'mentor_id']).doNothing())
    .returning('registered_at')
    .executeTakeFirst();
}
