import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import type {} from '@unionflow/devstack';
import { inject } from 'vitest';
import { workflowBundlerOptions, workflowsPath } from '../src/worker';

let inProcess: Promise<{ codePath: string }> | null = null;

/**
 * The case workflow bundled once per test run and shared by every test file's workers, as production
 * bundles once per worker process. Bundling takes seconds of CPU each time; with a worker in most test
 * files that was minutes of every run. The bundle lives in the run's scratch directory (the devstack
 * global setup makes and removes it), so a changed workflow is bundled again on the next run.
 */
export function sharedWorkflowBundle(): Promise<{ codePath: string }> {
  inProcess ??= bundleOnce().catch((error) => {
    inProcess = null;
    throw error;
  });
  return inProcess;
}

async function bundleOnce(): Promise<{ codePath: string }> {
  const dir = path.join(inject('runScratchDir'), 'workflow-bundle');
  const codePath = path.join(dir, 'case-workflow.js');
  if (existsSync(codePath)) return { codePath };
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    ...workflowBundlerOptions,
    logger: new DefaultLogger('WARN'),
  });
  await mkdir(dir, { recursive: true });
  // Files running side by side may bundle at the same time: each writes its own file and renames it
  // into place, so no reader ever sees half a bundle.
  const partial = `${codePath}.${randomUUID()}.partial`;
  await writeFile(partial, code);
  await rename(partial, codePath);
  return { codePath };
}
