/**
 * Runs a command while one CPU core is kept busy, to check that the test suite holds on a loaded machine
 * (README, "Tests on a busy machine"): `npm run test:busy` is `npm test` with one core spinning.
 *
 * The spinning is a worker thread in this process, so it ends with the command, whatever way it ends.
 */
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: tsx scripts/with-busy-core.ts <command> [args...]');
  process.exit(2);
}

const burner = new Worker('for (;;) {}', { eval: true });
const child = spawn(command, args, { stdio: 'inherit' });
const started = Date.now();

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));

child.on('exit', (code, signal) => {
  void burner.terminate();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\n(${command} ${args.join(' ')} ran for ${minutes} min with one core kept busy)`);
  process.exit(code ?? (signal ? 1 : 0));
});
