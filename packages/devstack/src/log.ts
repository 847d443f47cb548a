import { readFileSync } from 'node:fs';

/** Receives human-readable progress lines. */
export type Log = (line: string) => void;

/** A Log that discards everything, for quiet callers such as tests. */
export const silentLog: Log = () => {};

/** The last line of a (log) file, shortened for one-line error messages. */
export function lastLine(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').at(-1)?.slice(0, 200) || 'no output';
  } catch {
    return 'no output';
  }
}
