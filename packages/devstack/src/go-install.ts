import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { DevstackError } from './errors';
import { type Log, lastLine } from './log';

/** Options for {@link goInstall}. */
export interface GoInstallOptions {
  /** Absolute path of the `go` binary. */
  go: string;
  /** `module/path/cmd@version` arguments for `go install`. */
  packages: string[];
  /** Where the binaries go (GOBIN). */
  gobin: string;
  /** Receives go's full output; a newcomer's terminal gets progress lines instead. */
  logFile: string;
  /** The one line printed before compiling starts (what and roughly how long). */
  announce: string;
  log: Log;
  env?: NodeJS.ProcessEnv;
  /** How often a "still compiling" line is printed. */
  progressEveryMs?: number;
  /** Appended to the failure message: what to do instead. */
  hint?: string;
}

/**
 * Runs `go install` with its output in a log file, printing one announcement and then a short
 * progress line every so often: a cold module cache prints hundreds of `go: downloading` lines,
 * which buried the one line that mattered (issue #16).
 */
export async function goInstall(options: GoInstallOptions): Promise<void> {
  const { go, packages, gobin, logFile, log } = options;
  await mkdir(dirname(logFile), { recursive: true });
  const file = createWriteStream(logFile);
  const started = Date.now();
  let downloaded = 0;
  log(options.announce);
  log(`  go install ${packages.join(' ')} (output: ${logFile})`);
  const ticker = setInterval(() => {
    log(`  … ${progressLine(Date.now() - started, downloaded)}`);
  }, options.progressEveryMs ?? 30_000);

  try {
    const code = await new Promise<number | null>((resolvePromise, reject) => {
      const child = spawn(go, ['install', ...packages], {
        env: { ...(options.env ?? process.env), GOBIN: gobin },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          if (line.startsWith('go: downloading')) downloaded += 1;
          file.write(`${line}\n`);
        });
      }
      child.on('error', (error) => reject(new DevstackError(`Could not run go install: ${error.message}`)));
      child.on('close', resolvePromise);
    });
    await new Promise<void>((resolveClose) => file.end(resolveClose));
    if (code !== 0) {
      throw new DevstackError(
        `go install ${packages.join(' ')} failed (exit ${code}: ${lastLine(logFile)}); see ${logFile}.${options.hint ? ` ${options.hint}` : ''}`,
      );
    }
    log(`  ✔ ${formatElapsed(Date.now() - started)}`);
  } finally {
    clearInterval(ticker);
    if (!file.closed) file.end();
  }
}

/** "仍在编译 · still compiling: 2 分 30 秒 / 2 min 30 s, 120 modules downloaded" */
export function progressLine(elapsedMs: number, downloaded: number): string {
  const modules = downloaded > 0 ? `, 已下载 ${downloaded} 个模块 / ${downloaded} modules downloaded` : '';
  return `仍在编译 · still compiling: ${formatElapsed(elapsedMs)}${modules}`;
}

function formatElapsed(ms: number): string {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes > 0
    ? `${minutes} 分 ${seconds} 秒 / ${minutes} min ${seconds} s`
    : `${seconds} 秒 / ${seconds} s`;
}
