import type { AssigneeRule, ProcessDefinition } from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import { domainDefinitions } from './definitions';
import { BUILT_IN_ROLES, roleName, SERVICE_ACTIONS } from './names';

const roleKeys = new Set(BUILT_IN_ROLES.map((r) => r.key));

/** Every role a definition names: who may start it, who sees household data, approvers and cc. */
function rolesOf(def: ProcessDefinition): string[] {
  const ofRule = (rule: AssigneeRule) => (rule.kind === 'role' ? [rule.role] : []);
  return [
    ...(def.starterRoles ?? []),
    ...(def.sensitiveViewerRoles ?? []),
    ...def.nodes.flatMap((n) => (n.kind === 'approval' ? [n.assignee, ...(n.cc ?? [])].flatMap(ofRule) : [])),
  ];
}

describe('names of what the seeded definitions use (the designer shows these, never the codes)', () => {
  it.each(domainDefinitions.map((d) => [d.key, d] as const))(
    '%s: every role has a Chinese name',
    (_k, def) => {
      for (const role of rolesOf(def)) {
        expect(roleKeys, `role ${role} of ${def.key}`).toContain(role);
        expect(roleName(role, 'zh')).not.toBe(role);
        expect(roleName(role, 'zh')).toMatch(/\p{Script=Han}/u);
      }
    },
  );

  it.each(domainDefinitions.map((d) => [d.key, d] as const))(
    '%s: every service and result has a name',
    (_k, def) => {
      for (const node of def.nodes) {
        if (node.kind === 'service') {
          const spec = SERVICE_ACTIONS[node.action as keyof typeof SERVICE_ACTIONS];
          expect(spec?.zh, `service ${node.action}`).toMatch(/\p{Script=Han}/u);
        }
        // An outcome reads as its end step's name (ADR 020).
        if (node.kind === 'end') expect(node.name.zh, `outcome ${node.outcome}`).toMatch(/\p{Script=Han}/u);
      }
    },
  );

  it('reads an unknown role as its key rather than inventing a name', () => {
    expect(roleName('innovation-reviewer', 'zh')).toBe('基层工会创新评审');
    expect(roleName('night-watch', 'zh')).toBe('night-watch');
  });
});
