// Run by process-supervisor.test.ts in its own process: supervises one long child until a signal.
import { ProcessSupervisor } from '../process-supervisor';

const supervisor = new ProcessSupervisor((name) => {
  console.log(`unexpected exit of ${name}`);
});
const child = supervisor.start({ name: 'sleeper', command: 'sleep', args: ['60'], graceMs: 2000 });
supervisor.exitOnSignals(
  async () => {
    console.log('cleanup ran');
  },
  (line) => console.log(line),
);
console.log(`ready ${child.pid}`);
