import { REVIEWER_ACTION_NAMES, TIMELINE_EVENT_NAMES } from '@unionflow/contracts/vocabulary';
import { commonResources } from '@unionflow/ui/core';
import { describe, expect, it } from 'vitest';
import { actionResources } from '../i18n/action-resources';
import { shellResources } from '../i18n/shell-resources';
import { DECISION_BUTTONS, DIALOG_ACTIONS, menuActions } from './reviewer-actions';

const languages = ['zh-CN', 'en'] as const;

describe("the shell's reviewer actions come from the catalog", () => {
  it('offers every catalog action, as a button or in the dialog', () => {
    expect([...DECISION_BUTTONS, ...DIALOG_ACTIONS].sort()).toEqual([...REVIEWER_ACTION_NAMES].sort());
  });

  it('offers no reviewer action on an applicant task (the engine refuses them all), and all on approvals', () => {
    expect(menuActions({ kind: 'applicant-task' })).toEqual([]);
    expect(menuActions({ kind: 'applicant-task' })).not.toContain('transfer');
    expect(menuActions({ kind: 'approval' })).toEqual(DIALOG_ACTIONS);
  });

  it.each(languages)('labels every action and titles every dialog in %s', (lang) => {
    const action = commonResources[lang].action as Record<string, string>;
    const titles = actionResources[lang].decision.title as Record<string, string>;
    for (const a of REVIEWER_ACTION_NAMES) expect(action[a], a).toBeTruthy();
    for (const a of DIALOG_ACTIONS) expect(titles[a], a).toBeTruthy();
  });

  it.each(languages)('names on the timeline, in %s, every event the engine records (the catalog)', (lang) => {
    const timeline = commonResources[lang].timeline as Record<string, string>;
    for (const type of TIMELINE_EVENT_NAMES) expect(timeline[type], type).toBeTruthy();
    // Among them every event a reviewer action records.
    for (const type of ['approved', 'rejected', 'returned', 'transferred', 'delegated', 'commented'])
      expect(timeline[type], type).toBeTruthy();
    // The shell adds only its own words, never a second copy of an event's label.
    const own = Object.keys(shellResources[lang].timeline);
    expect(own.filter((k) => (TIMELINE_EVENT_NAMES as string[]).includes(k))).toEqual([]);
  });
});
