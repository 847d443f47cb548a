import { describe, expect, it } from 'vitest';
import { kanbanResources } from '../kanban/kanban-resources';
import { DEPARTMENT_NAMES } from './department-names';
import { commonResources } from './resources';

describe('department names', () => {
  const languages = [
    ['zh-CN', 'zh'],
    ['en', 'en'],
  ] as const;

  it.each(languages)('%s: the boards and the navigation call every department the same', (lang, short) => {
    const nav = commonResources[lang].nav.remotes;
    const boards = kanbanResources[lang].kanban.departments;
    for (const department of ['innovation', 'assistance', 'rights'] as const) {
      expect(boards[department]).toBe(nav[department]);
      expect(nav[department]).toBe(DEPARTMENT_NAMES[short][department]);
    }
  });

  it('the rights department is 权益保障 everywhere, as the union names it', () => {
    expect(kanbanResources['zh-CN'].kanban.departments.rights).toBe('权益保障');
    // The boards name the admin department's own processes, not the admin app.
    expect(kanbanResources['zh-CN'].kanban.departments.admin).toBe('综合');
  });
});
