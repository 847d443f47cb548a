import { INBOX_BOX_NAMES } from '@unionflow/contracts/vocabulary';
import { describe, expect, it } from 'vitest';
import { boxResources } from '../i18n/box-resources';

/** Every key path of a nested bundle, e.g. `boxes.empty.cc`. */
function keys(bundle: object, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('the inbox box texts', () => {
  it('name every box in both languages, and the empty text of every case box', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const b = boxResources[lang].boxes as Record<string, unknown> & { empty: Record<string, string> };
      for (const name of INBOX_BOX_NAMES) expect(b[name], `${lang} ${name}`).toBeTruthy();
      for (const name of INBOX_BOX_NAMES.filter((n) => n !== 'todo')) expect(b.empty[name]).toBeTruthy();
    }
  });

  it('has the same keys in Chinese and English', () => {
    expect(keys(boxResources.en).sort()).toEqual(keys(boxResources['zh-CN']).sort());
  });

  it('shows the decision as "我的处理：同意" in Chinese', () => {
    expect(boxResources['zh-CN'].boxes.myDecision.replace('{{action}}', '同意')).toBe('我的处理：同意');
  });
});
