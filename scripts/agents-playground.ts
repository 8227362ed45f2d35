import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLAYGROUND_CLI = fileURLToPath(
  new URL('../node_modules/@microsoft/m365agentsplayground/cli.js', import.meta.url),
);

export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
}

export interface Playground {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground (a Teams-like client that runs offline) against the
 * app's bot endpoint, signed in as `user` (its Entra object id is the demo person's id, so roles
 * match). It runs from a scratch folder because it writes logs relative to its working directory.
 */
export async function startPlayground(
  botEndpoint: string,
  user: PlaygroundUser,
  options: { port?: number } = {},
): Promise<Playground> {
  const workdir = await mkdtemp(join(tmpdir(), 'hub-playground-'));
  await writeFile(join(workdir, '.m365agentsplayground.yml'), playgroundConfig(user));
  const child = spawn(
    process.execPath,
    [
      PLAYGROUND_CLI,
      'start',
      '-e',
      botEndpoint,
      '-c',
      'msteams',
      '-p',
      String(options.port ?? 0),
      '--disable-telemetry',
    ],
    {
      cwd: workdir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Agents Playground did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Agents Playground exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const COLLEAGUES = ['Casey Colleague', 'Dana Doctor', 'Ellis Nurse', 'Frankie Therapist', 'Gene Manager'];

/** The Playground's mock tenant (schema 0.1.1): the signed-in person, five colleagues, one team with one extra channel. */
function playgroundConfig(user: PlaygroundUser): string {
  const person = (id: string, name: string, objectId: string) => {
    const [given = 'Test', ...rest] = name.split(' ');
    const email = `${given.toLowerCase()}@example.nhs.uk`;
    return {
      id,
      name,
      userPrincipleName: email,
      aadObjectId: objectId,
      givenName: given,
      surname: rest.join(' ') || 'User',
      email,
    };
  };
  const config = {
    version: '0.1.1',
    tenantId: '11111111-2222-3333-4444-555555555555',
    bot: { id: '28:involvement-hub-playground-bot', name: 'Involvement Hub' },
    currentUser: person(`playground-${user.id}`, user.name, user.id),
    users: COLLEAGUES.map((name, index) =>
      person(`playground-colleague-${index}`, name, `00000000-0000-0000-0000-0000000000b${index}`),
    ),
    personalChat: { id: `personal-chat-${user.id}` },
    groupChat: { id: `group-chat-${user.id}`, name: 'Group Chat' },
    team: {
      id: `team-${user.id}`,
      name: 'IEV Team',
      aadGroupId: '00000000-0000-0000-0000-0000000000c1',
      channels: [{ id: `channel-approvals-${user.id}`, name: 'Approvals' }],
    },
  };
  // YAML is a superset of JSON, so the Playground reads this as it is.
  return JSON.stringify(config, null, 2);
}
