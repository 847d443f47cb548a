import { describe, expect, it } from 'vitest';
import { resolveAssignees } from './assignment';
import { exampleApplicant as applicant, exampleOrg as org } from './example-org';

const ctx = { applicant, data: {} };

describe('resolveAssignees', () => {
  it('resolves roles per org scope', () => {
    const role = (r: string, scope: 'applicant-org' | 'parent-org' | 'nearest' | 'root') =>
      resolveAssignees({ kind: 'role', role: r, scope }, ctx, org);
    expect(role('innovation-reviewer', 'applicant-org')).toEqual([]);
    expect(role('innovation-reviewer', 'parent-org')).toEqual(['u-lina']);
    expect(role('innovation-reviewer', 'nearest')).toEqual(['u-lina']);
    expect(role('innovation-reviewer', 'root')).toEqual(['u-wangfang']);
    expect(role('assistance-centre', 'nearest')).toEqual(['u-chenjie']);
    expect(role('nobody-has-this', 'nearest')).toEqual([]);
  });

  it('orders several holders by username', () => {
    const many = {
      ...org,
      users: [
        ...org.users,
        {
          id: 'u-z',
          username: 'zz',
          displayName: 'Z',
          orgId: 'org-steel',
          roles: ['innovation-reviewer'],
          superiorId: null,
        },
        {
          id: 'u-a',
          username: 'aa',
          displayName: 'A',
          orgId: 'org-steel',
          roles: ['innovation-reviewer'],
          superiorId: null,
        },
      ],
    };
    expect(
      resolveAssignees({ kind: 'role', role: 'innovation-reviewer', scope: 'nearest' }, ctx, many),
    ).toEqual(['u-a', 'u-lina', 'u-z']);
  });

  it('resolves named users, paired cadres and superiors', () => {
    expect(resolveAssignees({ kind: 'user', username: 'liuyang' }, ctx, org)).toEqual(['u-liuyang']);
    expect(resolveAssignees({ kind: 'user', username: 'ghost' }, ctx, org)).toEqual([]);
    expect(resolveAssignees({ kind: 'paired-cadre' }, ctx, org)).toEqual(['u-zhaolei']);
    expect(
      resolveAssignees(
        { kind: 'paired-cadre' },
        { ...ctx, applicant: { userId: 'u-lina', orgId: 'org-steel' } },
        org,
      ),
    ).toEqual([]);
    expect(
      resolveAssignees({ kind: 'superior-of-previous' }, { ...ctx, previousDeciderId: 'u-lina' }, org),
    ).toEqual(['u-wangfang']);
    expect(
      resolveAssignees({ kind: 'superior-of-previous' }, { ...ctx, previousDeciderId: 'u-wangfang' }, org),
    ).toEqual([]);
    expect(resolveAssignees({ kind: 'superior-of-previous' }, ctx, org)).toEqual([]);
  });

  it('resolves a list of named users in the order the designer wrote', () => {
    const users = (usernames: string[]) => resolveAssignees({ kind: 'users', usernames }, ctx, org);
    // 依次 asks in this order, so it is kept rather than sorted; unknown names drop out, repeats keep their first place.
    expect(users(['wangfang', 'lina'])).toEqual(['u-wangfang', 'u-lina']);
    expect(users(['lina', 'ghost', 'wangfang', 'lina'])).toEqual(['u-lina', 'u-wangfang']);
    expect(users(['ghost'])).toEqual([]);
  });

  it('reads usernames from a data field', () => {
    const field = (value: unknown) =>
      resolveAssignees({ kind: 'field', field: 'who' }, { ...ctx, data: { who: value } }, org);
    expect(field('lina')).toEqual(['u-lina']);
    // The order given is the order a sequential (依次) step asks in; duplicates keep their first place.
    expect(field(['wangfang', 'lina', 'ghost', 'lina'])).toEqual(['u-wangfang', 'u-lina']);
    expect(field(undefined)).toEqual([]);
    expect(field(42)).toEqual([]);
  });

  it('survives a cyclic org tree', () => {
    const cyclic = {
      ...org,
      orgs: [
        { id: 'a', parentId: 'b', name: 'a' },
        { id: 'b', parentId: 'a', name: 'b' },
      ],
    };
    expect(
      resolveAssignees(
        { kind: 'role', role: 'x', scope: 'root' },
        { ...ctx, applicant: { userId: 'u', orgId: 'a' } },
        cyclic,
      ),
    ).toEqual([]);
  });
});
