import { describe, expect, it } from 'vitest';
import { findForbiddenText } from './input-hygiene';

describe('findForbiddenText', () => {
  it('names where the first unstorable string is, in values and keys', () => {
    expect(findForbiddenText({ a: 'ok', b: ['x', 'y\u0000'] })).toBe('/b/1');
    expect(findForbiddenText({ data: { 'k\u0001': 1 } })).toBe('/data/(key)');
    expect(findForbiddenText('\uD83D')).toBe('/');
    expect(findForbiddenText({ ok: 'tab\tnew\nline\r 😀 中文' })).toBeNull();
  });

  it('walks very deep and very wide bodies in linear time', () => {
    let deep: unknown = 'end\u0007';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const started = performance.now();
    expect(findForbiddenText(deep)).toMatch(/^\/0\/0\//);
    expect(findForbiddenText(Array.from({ length: 50_000 }, () => 'ok'))).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
