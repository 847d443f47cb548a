import { describe, expect, it } from 'vitest';
import { mergeRemotes } from '../federation/remote-list';
import { buildNavItems, canOpenRemote, canSeeRemote, navKeyForPath } from './nav-items';

const remotes = [
  { name: 'innovation', entry: '/apps/innovation/mf-manifest.json' },
  { name: 'admin', entry: '/apps/admin/mf-manifest.json' },
];

describe('navigation by role', () => {
  it('shows a member only the personal entries', () => {
    expect(buildNavItems(['member'], remotes).map((i) => i.key)).toEqual(['inbox', 'mine', 'new', 'notices']);
  });

  it('opens department apps matching the roles', () => {
    expect(buildNavItems(['member', 'innovation-reviewer'], remotes).map((i) => i.key)).toContain(
      'innovation',
    );
    expect(canSeeRemote(['innovation-reviewer'], remotes[1]!)).toBe(false);
    expect(buildNavItems(['innovation-reviewer'], remotes).map((i) => i.key)).toContain('delegations');
    expect(buildNavItems(['admin'], remotes).filter((i) => i.department)).toHaveLength(2);
    // Auditors read the audit log, which lives in the admin app.
    expect(canSeeRemote(['auditor'], remotes[1]!)).toBe(true);
    expect(canSeeRemote(['auditor'], remotes[0]!)).toBe(false);
    // The same declaration as the gateway's: a social worker is not assistance staff by a name fragment.
    expect(canSeeRemote(['grassroots-cadre'], { name: 'assistance', entry: '' })).toBe(true);
    expect(canSeeRemote(['mediator', 'social-worker'], { name: 'assistance', entry: '' })).toBe(false);
    expect(canSeeRemote(['mediator'], { name: 'rights', entry: '' })).toBe(true);
    // A department app nobody declared is for admins until it is.
    expect(canSeeRemote(['innovation-reviewer'], { name: 'welfare', entry: '' })).toBe(false);
    expect(canSeeRemote(['admin'], { name: 'welfare', entry: '' })).toBe(true);
  });

  it('lets members open a department app by its address, but not the admin app', () => {
    expect(canOpenRemote(['member'], remotes[0]!)).toBe(true);
    expect(canOpenRemote(['member'], { name: 'assistance', entry: '' })).toBe(true);
    expect(canOpenRemote(['member'], remotes[1]!)).toBe(false);
    expect(canOpenRemote(['innovation-reviewer'], remotes[1]!)).toBe(false);
    expect(canOpenRemote(['auditor'], remotes[1]!)).toBe(true);
    expect(canOpenRemote(['admin'], remotes[1]!)).toBe(true);
  });

  it('opens the federation 看板 to department staff and admins, not to members or auditors', () => {
    const hasBoard = (roles: string[]) => buildNavItems(roles, remotes).some((i) => i.key === 'kanban');
    expect(hasBoard(['member'])).toBe(false);
    expect(hasBoard(['auditor'])).toBe(false);
    expect(hasBoard(['member', 'mediator'])).toBe(true);
    expect(hasBoard(['assistance-centre'])).toBe(true);
    expect(hasBoard(['admin'])).toBe(true);
  });

  it('lets the gateway decide when it lists roles', () => {
    expect(canSeeRemote(['clerk'], { ...remotes[0]!, roles: ['clerk'] })).toBe(true);
    expect(canSeeRemote(['innovation-reviewer'], { ...remotes[0]!, roles: ['clerk'] })).toBe(false);
  });

  it('maps paths to nav keys', () => {
    expect(navKeyForPath('/innovation/cases')).toBe('innovation');
    expect(navKeyForPath('/')).toBe('');
  });
});

describe('mergeRemotes', () => {
  it('drops malformed entries and lets dev servers win', () => {
    const merged = mergeRemotes(
      [...remotes, { name: '../evil', entry: 'x' }],
      [{ name: 'innovation', entry: 'http://localhost:3002/mf-manifest.json' }],
    );
    expect(merged.map((r) => r.name)).toEqual(['admin', 'innovation']);
    expect(merged[1]!.entry).toBe('http://localhost:3002/mf-manifest.json');
  });
});
