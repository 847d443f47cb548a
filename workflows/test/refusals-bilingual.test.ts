import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sourceDir = fileURLToPath(new URL('../src', import.meta.url));
const sources = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(`${sourceDir}/${f}`, 'utf8') }));

/** Every literal message an engine refusal is built with (the ones passing a computed message are skipped). */
const refusals = sources.flatMap(({ file, text }) =>
  [...text.matchAll(/new EngineError\(\s*'\w+',\s*(['`])([\s\S]*?)\1\s*,?\s*\)/g)].map((m) => ({
    file,
    message: m[2] ?? '',
  })),
);

describe('engine refusals', () => {
  it('are found by this test', () => {
    expect(refusals.length).toBeGreaterThan(30);
  });

  // The gateway passes them on as the 4xx detail, which the UI shows in the reader's language.
  it('say it in Chinese first, then English, as "中文 / English"', () => {
    const monolingual = refusals.filter(
      ({ message }) => !/^[^/]*\p{Script=Han}[^/]* \/ [A-Za-z]/u.test(message),
    );
    expect(monolingual).toEqual([]);
  });
});
