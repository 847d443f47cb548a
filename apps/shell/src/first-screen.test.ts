import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The sign-in page must not make the browser fetch antd (docs/decisions/008-shell-initial-load.md):
// every module reachable from the entry through static imports stays antd-free. Dynamic `import()`
// is where the signed-in screens, and antd with them, are allowed to start.
const src = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const FORBIDDEN = /^(antd|antd\/.*|@ant-design\/.*|@unionflow\/ui)$/;
// Shared packages we follow into, because they are ours and could pull antd in themselves.
const FOLLOWED = new Set(['@unionflow/ui/core']);

/** Module specifiers a file loads when it is evaluated (type-only imports are erased). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s)?[^'";]*?from\s+'([^']+)'/gm)) {
    if (!m[2] && m[3]) found.push(m[3]);
  }
  for (const m of code.matchAll(/^\s*import\s+'([^']+)'/gm)) if (m[1]) found.push(m[1]);
  return found;
}

function resolveRelative(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null; // CSS and other assets.
}

/** Walks static imports from `entry`; returns each forbidden import with the chain that reached it. */
function forbiddenImports(entry: string): { visited: Set<string>; forbidden: string[] } {
  const visited = new Set<string>();
  const forbidden: string[] = [];
  const walk = (file: string, chain: string[]) => {
    if (visited.has(file)) return;
    visited.add(file);
    const here = [...chain, path.relative(src, file)];
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (FORBIDDEN.test(spec)) forbidden.push(`${here.join(' → ')} → ${spec}`);
      else if (FOLLOWED.has(spec)) walk(require.resolve(spec), here);
      else if (spec.startsWith('.')) {
        const next = resolveRelative(file, spec);
        if (next) walk(next, here);
      }
    }
  };
  walk(entry, []);
  return { visited, forbidden };
}

describe('the first screen', () => {
  it('reaches the sign-in page, the session check and @unionflow/ui/core without importing antd', () => {
    // index.ts only does `import('./bootstrap')` (the federation's async boundary): start there.
    const { visited, forbidden } = forbiddenImports(path.join(src, 'bootstrap.tsx'));
    const names = [...visited].map((f) => path.basename(f));
    expect(names).toEqual(expect.arrayContaining(['sign-in-page.tsx', 'require-auth.tsx', 'core.ts']));
    expect(names).not.toContain('signed-in-app.tsx');
    expect(forbidden).toEqual([]);
  });

  it('would notice antd: the signed-in shell imports it', () => {
    const { forbidden } = forbiddenImports(path.join(src, 'signed-in', 'signed-in-app.tsx'));
    expect(forbidden.some((f) => f.endsWith('→ antd'))).toBe(true);
  });
});
