import { DEMO_PEOPLE } from '../demo/demo-people.js';
import { main } from '../server/main.js';
import { startPlayground } from './agents-playground.js';

/**
 * `npm start`: the whole product on embedded defaults, no Azure account and no secrets. Starts the
 * server (embedded Cosmos and Blob storage, demo data) and the Microsoft 365 Agents Playground, a
 * Teams-like chat client that runs offline, pointed at the bot.
 *
 * `npm start -- --as iev` chats as the demo IEV team member instead of the demo host.
 */
const asIev = process.argv.includes('--as') && process.argv[process.argv.indexOf('--as') + 1] === 'iev';
const person = DEMO_PEOPLE[asIev ? 1 : 0]!;

const app = await main();
const playground = await startPlayground(
  `${app.url}/api/messages`,
  { id: person.id, name: person.displayName },
  { port: 56150 },
);
process.once('exit', () => playground.process.kill('SIGTERM'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => playground.process.kill('SIGTERM'));

process.stdout.write(`
  Involvement Hub is running locally (embedded database in ${app.services.config.cosmos.kind === 'local' ? app.services.config.cosmos.dataDir : 'Azure'}).

  Chat with the bot (Agents Playground, as ${person.displayName}):  ${playground.url}
  Involvement Register tab in a browser:                      ${app.url}/tab/
  Health check:                                               ${app.url}/healthz${
    app.localNotify
      ? `
  Messages to partners (local GOV.UK Notify):                 ${app.url}/dev/notify`
      : ''
  }

  Try typing "help" or "plan" in the chat. Press Ctrl+C to stop; your data is kept.
`);
