import assert from 'node:assert/strict';
import { generateKeyPair } from 'jose';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { BOT_APP_ID, BOT_ENV, BotFrameworkKeys, botToken, unsignedToken } from '../helpers/bot-tokens.js';
import { cardText } from '../helpers/cards.js';
import type { ChatClient } from '../helpers/chat.js';
import { assertNoInternals, plainProblem } from '../helpers/problems.js';
import { HOST } from '../helpers/users.js';
import { PLAN_VERBS } from '../../bot/planning/planning-verbs.js';

/** Posts raw text to /api/messages, as anyone on the internet could. */
function postRaw(app: TestApp, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

/** A well-formed message activity from HOST in a 1:1 chat, with `change` applied. */
function activity(app: TestApp, change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: 'incoming-1',
    channelId: 'msteams',
    serviceUrl: app.connector.serviceUrl,
    from: { id: `29:${HOST.id}`, name: HOST.name, aadObjectId: HOST.id },
    recipient: { id: '28:bot', name: 'Involvement Hub' },
    conversation: { id: 'a:endpoint-chat', conversationType: 'personal' },
    text: 'help',
    ...change,
  };
}

const MALFORMED: ReadonlyArray<readonly [string, (app: TestApp) => string]> = [
  ['a JSON array', () => '[]'],
  ['a JSON string', () => '"message"'],
  ['JSON null', () => 'null'],
  ['an empty object', () => '{}'],
  ['no type', (app) => JSON.stringify({ ...activity(app), type: undefined })],
  ['a type that is not text', (app) => JSON.stringify(activity(app, { type: 42 }))],
  ['an empty type', (app) => JSON.stringify(activity(app, { type: '' }))],
  ['no conversation', (app) => JSON.stringify({ ...activity(app), conversation: undefined })],
  ['a conversation that is text', (app) => JSON.stringify(activity(app, { conversation: 'a:chat' }))],
  [
    'a conversation without an id',
    (app) => JSON.stringify(activity(app, { conversation: { conversationType: 'personal' } })),
  ],
  ['no sender', (app) => JSON.stringify({ ...activity(app), from: undefined })],
  ['a sender without an id', (app) => JSON.stringify(activity(app, { from: { name: 'Someone' } }))],
  ['no serviceUrl', (app) => JSON.stringify({ ...activity(app), serviceUrl: undefined })],
  [
    'a serviceUrl that is not a web address',
    (app) => JSON.stringify(activity(app, { serviceUrl: 'javascript:alert(1)' })),
  ],
  ['attachments that are not a list', (app) => JSON.stringify(activity(app, { attachments: 'photo.png' }))],
  ['text that is not text', (app) => JSON.stringify(activity(app, { text: { bold: 'help' } }))],
];

describe('the bot endpoint refuses malformed activities with a 400 in plain words', () => {
  const keys: { value?: BotFrameworkKeys } = {};
  let plain: TestApp;
  let withCredentials: TestApp;
  before(async () => {
    keys.value = await BotFrameworkKeys.start();
    plain = await startTestApp();
    withCredentials = await startTestApp({ env: BOT_ENV, start: { botOpenIdMetadataUrl: keys.value.metadataUrl } });
  });
  after(async () => {
    await plain?.stop();
    await withCredentials?.stop();
    await keys.value?.stop();
  });

  for (const [what, body] of MALFORMED) {
    it(`${what}, without bot credentials configured`, async () => {
      const response = await postRaw(plain, body(plain));
      assert.equal(response.status, 400, what);
      const problem = await plainProblem(response, what);
      assert.equal(problem.title, 'Not a Teams activity');
      assert.equal(plain.connector.calls.length, 0, 'nothing was sent');
    });

    it(`${what}, with bot credentials and a valid token`, async () => {
      const sent = body(withCredentials);
      // A genuine token for whatever serviceUrl the activity names, so that only its shape is wrong.
      const claimed = (JSON.parse(sent) as { serviceUrl?: unknown } | null)?.serviceUrl;
      const token = await botToken(keys.value!.key, {
        serviceUrl: typeof claimed === 'string' ? claimed : withCredentials.connector.serviceUrl,
      });
      const response = await postRaw(withCredentials, sent, { authorization: `Bearer ${token}` });
      assert.equal(response.status, 400, what);
      assert.equal((await plainProblem(response, what)).title, 'Not a Teams activity');
    });
  }

  it('names what is wrong, in words', async () => {
    const response = await postRaw(plain, JSON.stringify({ ...activity(plain), conversation: undefined }));
    const problem = await plainProblem(response, 'no conversation');
    assert.deepEqual(
      problem.errors?.map((error) => error.message),
      ['the conversation is missing or not valid'],
    );
  });

  it('a damaged card action (no action, or not Action.Execute) still answers HTTP 200 with a card', async () => {
    for (const value of [{}, { action: { type: 'Action.Submit', verb: PLAN_VERBS.start.verb } }, 'not an object']) {
      const { status, body } = await plain
        .personalChat(HOST)
        .post({ type: 'invoke', name: 'adaptiveCard/action', value });
      assert.equal(status, 200, JSON.stringify(value));
      const answer = body as { statusCode: number; type: string; value: unknown };
      assert.equal(answer.type, 'application/vnd.microsoft.card.adaptive');
      assertNoInternals(JSON.stringify(answer), 'damaged card action');
    }
  });

  it('a body that is not JSON at all', async () => {
    const response = await postRaw(plain, '{"type": "message", "text": "Zed Secret-Name", ');
    assert.equal(response.status, 400);
    assert.doesNotMatch(JSON.stringify(await plainProblem(response, 'not JSON')), /Zed|Secret-Name|position/);
  });
});

describe('the bot endpoint answers every bad Bot Framework token with 401, before reading the activity', () => {
  let keys: BotFrameworkKeys;
  let app: TestApp;
  /** The real login.botframework.com, which cannot be reached from here: keys can never be fetched. */
  let offline: TestApp;
  before(async () => {
    keys = await BotFrameworkKeys.start();
    app = await startTestApp({ env: BOT_ENV, start: { botOpenIdMetadataUrl: keys.metadataUrl } });
    offline = await startTestApp({ env: BOT_ENV });
  });
  after(async () => {
    await app?.stop();
    await offline?.stop();
    await keys?.stop();
  });

  const withToken = (chat: ChatClient, token: (activity: Record<string, unknown>) => Promise<string | undefined>) =>
    chat.withHeaders(async (activity) => {
      const value = await token(activity);
      const headers: Record<string, string> = value === undefined ? {} : { authorization: value };
      return headers;
    });
  const serviceUrlOf = (activity: Record<string, unknown>) => String(activity.serviceUrl);

  it('accepts a valid token: the card comes back', async () => {
    const chat = withToken(
      app.personalChat(HOST),
      async (activity) => `Bearer ${await botToken(keys.key, { serviceUrl: serviceUrlOf(activity) })}`,
    );
    const pressed = await chat.press('help');
    assert.equal(pressed.status, 200);
    assert.match(cardText(pressed.card), /how I can help/);
  });

  const otherKey = async () => ({ kid: keys.key.kid, privateKey: (await generateKeyPair('RS256')).privateKey });
  const now = () => Math.floor(Date.now() / 1000);
  const BAD_TOKENS: ReadonlyArray<
    readonly [string, (activity: Record<string, unknown>) => Promise<string | undefined>]
  > = [
    ['no token', async () => undefined],
    ['an empty header', async () => ''],
    ['garbage', async () => 'Bearer not-a-token'],
    ['another scheme', async () => 'Basic dXNlcjpwYXNz'],
    [
      'a forged RS256 token (right key id, wrong key)',
      async (activity) => `Bearer ${await botToken(await otherKey(), { serviceUrl: serviceUrlOf(activity) })}`,
    ],
    [
      'a token signed with an unknown key',
      async (activity) =>
        `Bearer ${await botToken({ ...(await otherKey()), kid: 'unknown-key' }, { serviceUrl: serviceUrlOf(activity) })}`,
    ],
    [
      'alg: none',
      async (activity) =>
        `Bearer ${unsignedToken({ iss: 'https://api.botframework.com', aud: BOT_APP_ID, serviceurl: serviceUrlOf(activity), exp: now() + 3600, nbf: now() - 60 })}`,
    ],
    [
      'an expired token',
      async (activity) =>
        `Bearer ${await botToken(keys.key, { serviceUrl: serviceUrlOf(activity) }, { expiresAt: now() - 3600 })}`,
    ],
    [
      'a token for another bot (wrong audience)',
      async (activity) =>
        `Bearer ${await botToken(keys.key, { serviceUrl: serviceUrlOf(activity) }, { audience: '00000000-0000-0000-0000-000000000000' })}`,
    ],
    [
      'a token from another issuer',
      async (activity) =>
        `Bearer ${await botToken(keys.key, { serviceUrl: serviceUrlOf(activity) }, { issuer: 'https://attacker.example' })}`,
    ],
    [
      'a token for another serviceUrl',
      async () => `Bearer ${await botToken(keys.key, { serviceUrl: 'https://smba.attacker.example/' })}`,
    ],
  ];

  for (const [what, token] of BAD_TOKENS) {
    for (const [where, server] of [
      ['keys reachable', () => app],
      ['offline', () => offline],
    ] as const) {
      it(`${what} (${where})`, async () => {
        const target = server();
        for (const body of [
          (activity: Record<string, unknown>) => activity,
          ({ type: _type, ...activity }: Record<string, unknown>) => activity,
        ]) {
          const sample = body(activity(target));
          const auth = await token(sample);
          const response = await postRaw(
            target,
            JSON.stringify(sample),
            auth === undefined ? {} : { authorization: auth },
          );
          assert.equal(response.status, 401, `${what}: ${response.status}`);
          assert.equal((await plainProblem(response, what)).title, 'Not signed in');
        }
        assert.equal(target.connector.calls.length, 0, 'nothing was sent');
      });
    }
  }

  it('refuses before the body is read: a bad token with a body that is not JSON is still 401', async () => {
    const response = await postRaw(offline, 'this is not JSON', { authorization: 'Bearer not-a-token' });
    assert.equal(response.status, 401);
    await plainProblem(response, 'bad token, bad body');
  });
});
