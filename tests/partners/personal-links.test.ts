import assert from 'node:assert/strict';
import type { CosmosClient } from '@azure/cosmos';
import { UnavailableError } from '../../domain/errors.js';
import { PartnerEvaluations } from '../../domain/evaluations/evaluation-service.js';
import { PersonalLinks } from '../../domain/links/personal-links.js';
import { createCosmosClient, ensureContainers, type Containers } from '../../storage/cosmos.js';
import { EvaluationStore } from '../../storage/evaluation-store.js';
import { LinkStore } from '../../storage/link-store.js';
import { freshDatabaseName, sharedCosmos } from '../helpers/cosmos.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const DAY = 24 * 60 * 60 * 1000;

describe('personal links: signed, bound to a purpose, expiring, used once', () => {
  let client: CosmosClient;
  let containers: Containers;
  let store: LinkStore;
  let now: Date;
  let links: PersonalLinks;
  let counter = 0;

  before(async () => {
    client = createCosmosClient(await sharedCosmos());
    ({ containers } = await ensureContainers(client, freshDatabaseName('links')));
    store = new LinkStore(containers);
  });
  after(() => client.dispose());
  beforeEach(() => {
    now = new Date('2026-12-01T10:00:00Z');
    links = new PersonalLinks({ secret: SECRET, store, now: () => now });
  });

  const issue = (overrides: { partnerId?: string; purpose?: 'evaluation' | 'invitation' } = {}) =>
    links.issue({
      purpose: overrides.purpose ?? 'evaluation',
      partnerId: overrides.partnerId ?? 'partner-1',
      subject: 'plan-1',
      key: `case-${(counter += 1)}`,
      expiresAt: new Date(now.getTime() + 28 * DAY),
    });

  it('opens a fresh link as often as asked, with its partner and subject, and lets it be used once', async () => {
    const { token } = await issue();
    assert.ok(token.length <= 60, `short enough to type from a letter: ${token}`);
    for (let i = 0; i < 2; i += 1) {
      const opened = await links.open('evaluation', token);
      assert.equal(opened.state, 'ok');
      assert.equal(opened.state === 'ok' && opened.link.partnerId, 'partner-1');
      assert.equal(opened.state === 'ok' && opened.link.subject, 'plan-1');
    }
    assert.equal((await links.consume('evaluation', token)).state, 'ok');
    assert.equal((await links.consume('evaluation', token)).state, 'used');
    assert.equal((await links.open('evaluation', token)).state, 'used');
  });

  it('lets exactly one of ten clicks at the same moment use the link', async () => {
    const { token } = await issue();
    const states = await Promise.all(Array.from({ length: 10 }, () => links.consume('evaluation', token)));
    assert.deepEqual(
      states.map((state) => state.state).sort(),
      ['ok', ...Array.from({ length: 9 }, () => 'used')].sort(),
    );
  });

  it('refuses a changed, made-up or truncated token as tampered, reading nothing', async () => {
    const { token } = await issue();
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    const flip = (text: string) => `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`;
    const longer = (Number.parseInt(expiry, 36) + 365 * 24 * 3600).toString(36);
    for (const tampered of [
      `${id}.${expiry}.${flip(signature)}`,
      `${flip(id)}.${expiry}.${signature}`,
      `${id}.${longer}.${signature}`,
      `${id}.${expiry}`,
      'x'.repeat(5000),
      '',
    ]) {
      assert.equal((await links.open('evaluation', tampered)).state, 'tampered', tampered.slice(0, 60));
      assert.equal((await links.consume('evaluation', tampered)).state, 'tampered');
    }
    assert.equal((await links.consume('evaluation', token)).state, 'ok', 'the real link still works');
  });

  it('refuses a link issued for another purpose, and one signed with another secret', async () => {
    const { token } = await issue({ purpose: 'invitation' });
    assert.equal((await links.open('evaluation', token)).state, 'tampered');
    assert.equal((await links.consume('consent-renewal', token)).state, 'tampered');
    const other = new PersonalLinks({ secret: `${SECRET}-rotated`, store, now: () => now });
    assert.equal((await other.open('invitation', token)).state, 'tampered');
    assert.equal((await links.open('invitation', token)).state, 'ok');
  });

  it('refuses an expired link, used or not', async () => {
    const { token } = await issue();
    now = new Date(now.getTime() + 28 * DAY - 1000);
    assert.equal((await links.open('evaluation', token)).state, 'ok');
    now = new Date(now.getTime() + 1000);
    assert.equal((await links.open('evaluation', token)).state, 'expired');
    assert.equal((await links.consume('evaluation', token)).state, 'expired');
  });

  it('gives the same link when issued again for the same occasion (a retried message)', async () => {
    const request = {
      purpose: 'evaluation' as const,
      partnerId: 'partner-2',
      subject: 'plan-2',
      key: 'evaluation:plan-2:partner-2',
      expiresAt: new Date(now.getTime() + 28 * DAY),
    };
    const first = await links.issue(request);
    now = new Date(now.getTime() + 5000);
    const again = await links.issue({ ...request, expiresAt: new Date(now.getTime() + 28 * DAY) });
    assert.deepEqual(again, first);
    assert.equal((await links.exportFor('partner-2')).length, 1);
  });

  it("lists a partner's links in their export (never the token), and erasure stops the unused ones", async () => {
    const used = await issue({ partnerId: 'partner-3' });
    const unused = await issue({ partnerId: 'partner-3', purpose: 'invitation' });
    const someoneElse = await issue({ partnerId: 'partner-4' });
    assert.equal((await links.consume('evaluation', used.token)).state, 'ok');

    const exported = await links.exportFor('partner-3');
    assert.equal(exported.length, 2);
    assert.ok(!JSON.stringify(exported).includes(used.token.split('.')[2]!), 'no signature in the export');
    assert.deepEqual(exported.map((link) => link.used?.outcome ?? 'unused').sort(), ['unused', 'used']);

    now = new Date(now.getTime() + 1000);
    await links.eraseFor('partner-3');
    assert.equal((await links.open('invitation', unused.token)).state, 'cancelled');
    assert.equal((await links.consume('invitation', unused.token)).state, 'cancelled');
    assert.equal((await links.open('evaluation', used.token)).state, 'used');
    assert.equal((await links.open('evaluation', someoneElse.token)).state, 'ok');
    assert.deepEqual((await links.exportFor('partner-3')).map((link) => link.used?.outcome).sort(), [
      'cancelled',
      'used',
    ]);
  });

  it('gives a use back when what it was for could not be saved, but never revives a withdrawn link', async () => {
    const { token } = await issue({ partnerId: 'partner-5' });
    const failing = () => Promise.reject(new Error('could not be saved'));
    await assert.rejects(links.use('evaluation', token, failing));
    assert.equal((await links.open('evaluation', token)).state, 'ok', 'usable again');
    assert.equal((await links.use('evaluation', token, async () => true)).state, 'ok');

    // Failed part-way just before the partner's data is erased: erasure withdraws it, and nothing revives it.
    const second = await issue({ partnerId: 'partner-5' });
    await assert.rejects(links.use('evaluation', second.token, failing));
    await links.eraseFor('partner-5');
    assert.equal((await links.use('evaluation', second.token, async () => true)).state, 'cancelled');
    assert.equal((await links.open('evaluation', second.token)).state, 'cancelled');
    assert.equal((await links.consume('evaluation', second.token)).state, 'cancelled');
    assert.equal((await links.open('evaluation', token)).state, 'used');
  });

  it('keeps a link working when what it is for fails part-way, and a press again completes it under the same id, once', async () => {
    const { token } = await issue();
    const operations: string[] = [];
    await assert.rejects(
      links.use('evaluation', token, async (_link, operationId) => {
        operations.push(operationId);
        throw new Error('the database stopped answering');
      }),
    );
    assert.equal((await links.open('evaluation', token)).state, 'ok', 'not spent by the failed try');

    const written = new Set<string>();
    const write = async (_link: unknown, operationId: string) => {
      operations.push(operationId);
      if (written.has(operationId)) return false;
      written.add(operationId);
      return true;
    };
    const states = await Promise.all(Array.from({ length: 5 }, () => links.use('evaluation', token, write)));
    assert.deepEqual(
      states.map((state) => state.state).sort(),
      ['ok', 'used', 'used', 'used', 'used'],
      'one press is the one that wrote',
    );
    assert.equal(written.size, 1);
    assert.equal(new Set(operations).size, 1, 'every try wrote under the same id');
    assert.equal((await links.open('evaluation', token)).state, 'used');
    assert.equal((await links.use('evaluation', token, write)).state, 'used');
    const use = await store.findUse(token.split('.')[0]!);
    assert.equal(use?.outcome, 'used');
    assert.ok(!('operationId' in use), 'nothing leads from the spent link to what it stored');
  });

  it('keeps a partner\u2019s evaluation whose storing failed when they press Send again, once, and not before', async () => {
    const evaluationStore = new EvaluationStore(containers);
    const evaluations = new PartnerEvaluations({
      links,
      store: evaluationStore,
      work: async () => ({ id: 'plan-9', title: 'Clinic letters', serviceArea: 'Mental health' }),
      linkUrl: (token) => `https://hub.example/how-was-it?link=${token}`,
      now: () => now,
    });
    const { token } = await links.issue({
      purpose: 'evaluation',
      partnerId: 'partner-9',
      subject: 'host-9|plan-9',
      key: 'evaluation:plan-9:partner-9',
      expiresAt: new Date(now.getTime() + 28 * DAY),
    });
    const answers = { answers: { overall: 'good' }, comment: 'Kind staff.' } as const;
    const stored = async () =>
      (await containers.evaluations.items.query('SELECT * FROM c WHERE c.workId = "plan-9"').fetchAll())
        .resources as Array<{
        workId: string;
        comment: string;
      }>;

    // The link is taken, then the evaluations store is unreachable for a moment.
    const create = evaluationStore.create.bind(evaluationStore);
    evaluationStore.create = async () => {
      throw new UnavailableError('The evaluations store could not be reached.');
    };
    try {
      await assert.rejects(evaluations.answer(token, answers), UnavailableError);
    } finally {
      evaluationStore.create = create;
    }
    assert.deepEqual(await stored(), []);
    assert.equal((await evaluations.open(token)).state, 'ok', 'the link still opens the form');

    assert.equal((await evaluations.answer(token, answers)).state, 'ok');
    assert.equal((await evaluations.answer(token, answers)).state, 'used');
    assert.deepEqual(
      (await stored()).map(({ workId, comment }) => ({ workId, comment })),
      [{ workId: 'plan-9', comment: 'Kind staff.' }],
    );
  });

  it('will not start with a short secret', () => {
    assert.throws(() => new PersonalLinks({ secret: 'short', store }), /at least 32 characters/);
  });
});
