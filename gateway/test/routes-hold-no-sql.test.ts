import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROUTES = fileURLToPath(new URL('../src/routes', import.meta.url));
/** Query builders and template SQL: what belongs in a repository function, not in a route. */
const SQL_MARKERS = ['.selectFrom(', '.updateTable(', '.insertInto(', '.deleteFrom(', 'sql`'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('route files hold no SQL (issue #12: queries live in repository functions)', () => {
  it('no non-test file under src/routes builds a query', () => {
    const files = sourceFiles(ROUTES);
    expect(files.length).toBeGreaterThan(0);
    const offending = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return SQL_MARKERS.filter((marker) => text.includes(marker)).map(
        (marker) => `${relative(ROUTES, file)}: ${marker}`,
      );
    });
    expect(offending).toEqual([]);
  });
});
