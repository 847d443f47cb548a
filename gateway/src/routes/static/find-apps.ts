import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The host app; every other app with a built manifest is a remote. */
export const SHELL_APP = 'shell';

const APP_NAME = /^[a-z0-9][a-z0-9-]*$/;

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** `apps/shell/dist` when it has been built, else null. */
export async function shellDist(appsRoot: string | undefined): Promise<string | null> {
  if (!appsRoot) return null;
  const dist = path.join(appsRoot, SHELL_APP, 'dist');
  return (await isFile(path.join(dist, 'index.html'))) ? dist : null;
}

/** `apps/<name>/dist` when `name` is a built remote, else null. */
export async function remoteDist(appsRoot: string | undefined, name: string): Promise<string | null> {
  if (!appsRoot || name === SHELL_APP || !APP_NAME.test(name)) return null;
  const dist = path.join(appsRoot, name, 'dist');
  return (await isFile(path.join(dist, 'mf-manifest.json'))) ? dist : null;
}

/** Every built remote, by name; read on each call so apps built after start-up appear. */
export async function listRemotes(appsRoot: string | undefined): Promise<string[]> {
  if (!appsRoot) return [];
  let names: string[];
  try {
    names = await readdir(appsRoot);
  } catch {
    return [];
  }
  const found = await Promise.all(names.map(async (n) => ((await remoteDist(appsRoot, n)) ? n : null)));
  return found.filter((n): n is string => n !== null).sort();
}

/** The absolute file for `relative` inside `root`, or null when it escapes root or is not a file. */
export async function fileInside(root: string, relative: string): Promise<string | null> {
  const file = path.resolve(root, `.${path.sep}${relative}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return (await isFile(file)) ? file : null;
}
