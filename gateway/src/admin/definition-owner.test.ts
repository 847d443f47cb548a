import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../../../packages/db/src/migrations/20261206T0100_definition_owner';
import { createTestApp, login, type TestApp } from '../../test-support/app-harness';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('process ownership on an existing install', () => {
  it('the migration gives every process published before it to the root org', async () => {
    // A draft-only key as well as the seeded published ones.
    await t.db
      .insertInto('process_drafts')
      .values({ key: 'draft-only', document: '{}' as never, updated_at: new Date(), updated_by: null })
      .execute();
    await down(t.db);
    await up(t.db);
    const owners = await t.db
      .selectFrom('process_owners')
      .select(['key', 'owner_org_id', 'retired_at'])
      .execute();
    const keys = await t.db.selectFrom('process_versions').select('key').distinct().execute();
    expect(owners.map((o) => o.key).sort()).toEqual([...keys.map((k) => k.key), 'draft-only'].sort());
    expect(new Set(owners.map((o) => o.owner_org_id))).toEqual(new Set(['org-city']));
    expect(owners.every((o) => o.retired_at === null)).toBe(true);
  });

  it('a key without an owner row is federation-wide: every member starts it, only top-level admins manage it', async () => {
    await t.db.deleteFrom('process_owners').where('key', '=', 'simple-approval').execute();
    const member = await login(t.app, 'zhangwei');
    const list = await t.app.inject({ method: 'GET', url: '/api/processes', headers: member });
    expect(list.json<{ key: string }[]>().map((p) => p.key)).toContain('simple-approval');
    const admin = await login(t.app, 'admin');
    const draft = await t.app.inject({
      method: 'GET',
      url: '/api/admin/definitions/simple-approval/draft',
      headers: admin,
    });
    expect(draft.statusCode).toBe(200);
    // An admin of the steel union only.
    await t.db.insertInto('user_roles').values({ user_id: 'u-lina', role: 'admin' }).execute();
    const scoped = await login(t.app, 'lina');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/admin/definitions/simple-approval/draft',
      headers: scoped,
    });
    expect(refused.statusCode).toBe(404);
  });
});
