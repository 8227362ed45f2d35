import { spawn, type ChildProcess } from 'node:child_process';
import { DEMO_PEOPLE } from '../demo/demo-people.js';
import { loadConfig } from '../server/config.js';
import { startPlayground, type Playground } from './agents-playground.js';

/**
 * `npm run dev`: the developer loop. The server restarts whenever a file it imports changes (`tsx watch`), the tab
 * is rebuilt whenever one of its files changes (`vite build --watch`: reload the page to see it; the server reads
 * dist/tab on every request), and one Agents Playground, started once, talks to whichever server is up.
 * `npm run dev -- --as iev` chats as the demo IEV member, as with `npm start`.
 */
const TAB_BUILD = ['build', '--config', 'tab/vite.config.ts'];
const asIev = process.argv.includes('--as') && process.argv[process.argv.indexOf('--as') + 1] === 'iev';
const person = DEMO_PEOPLE[asIev ? 1 : 0]!;
const config = loadConfig();
const serverUrl = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;

const children: ChildProcess[] = [];
const running: { playground?: Playground } = {};
let stopping = false;

/** Runs a tool from node_modules/.bin (npm puts it on the PATH); if one of them ends, everything stops. */
function run(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: 'inherit' });
  children.push(child);
  child.once('exit', (code) => stop(code ?? 1));
  return child;
}

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  void (running.playground?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop(0));

// The server serves the tab only if dist/tab exists when it starts, so build it once before watching.
const firstBuild = spawn('vite', TAB_BUILD, { stdio: 'inherit' });
const built = await new Promise<number | null>((resolve) => firstBuild.once('exit', resolve));
if (built !== 0) process.exit(built ?? 1);
// The public pages' scripts are found by their hashed names when the server starts (api/public-scripts.ts): built once.
const publicBuild = spawn('vite', ['build', '--config', 'public-pages/vite.config.ts'], { stdio: 'inherit' });
const publicBuilt = await new Promise<number | null>((resolve) => publicBuild.once('exit', resolve));
if (publicBuilt !== 0) process.exit(publicBuilt ?? 1);

run('vite', [...TAB_BUILD, '--watch']);
run('tsx', ['watch', '--clear-screen=false', 'server/main.ts']);
const playground = await startPlayground(
  `${serverUrl}/api/messages`,
  { id: person.id, name: person.displayName },
  { port: 56150 },
);
running.playground = playground;

process.stdout.write(`
  Involvement Hub development loop: the server restarts when its code changes, the tab rebuilds when its code does.

  Chat with the bot (Agents Playground, as ${person.displayName}):  ${playground.url}
  Involvement Register tab in a browser (reload after a change): ${serverUrl}/tab/
  Health check:                                                  ${serverUrl}/healthz

  Press Ctrl+C to stop; your data is kept.
`);
