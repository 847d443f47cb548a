// `pnpm bench`: measured, never asserted. Results go to bench/results/ as JSON and markdown.
import { parseArgs } from 'node:util';
import { inboxBench } from './inbox-bench';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    users: { type: 'string', default: '10000' },
    tasks: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '16' },
  },
});

const wanted = (name: string) => !values.only || values.only === name;
if (wanted('inbox')) {
  const md = await inboxBench({
    users: Number(values.users),
    tasks: Number(values.tasks),
    seconds: Number(values.seconds),
    concurrency: Number(values.concurrency),
  });
  console.log(md);
}
process.exit(0);
