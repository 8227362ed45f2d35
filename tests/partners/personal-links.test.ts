import assert from 'node:assert/strict';
import type { CosmosClient } from '@azure/cosmos';
import { PersonalLinks } from '../../domain/links/personal-links.js';
import { createCosmosClient, ensureContainers } from '../../storage/cosmos.js';
import { LinkStore } from '../../storage/link-store.js';
import { freshDatabaseName, sharedCosmos } from '../helpers/cosmos.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const DAY = 24 * 60 * 60 * 1000;

describe('personal links: signed, bound to a purpose, expiring, used once', () => {
  let client: CosmosClient;
  let store: LinkStore;
  let now: Date;
  let links: PersonalLinks;
  let counter = 0;

  before(async () => {
    client = createCosmosClient(await sharedCosmos());
    const { containers } = await ensureContainers(client, freshDatabaseName('links'));
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
    assert.equal((await links.consume('evaluation', token)).state, 'ok');
    await links.release('evaluation', token);
    assert.equal((await links.open('evaluation', token)).state, 'ok', 'usable again');
    assert.equal((await links.consume('evaluation', token)).state, 'ok');

    await links.eraseFor('partner-5');
    await links.release('evaluation', token);
    assert.equal((await links.open('evaluation', token)).state, 'cancelled');
    assert.equal((await links.consume('evaluation', token)).state, 'cancelled');
  });

  it('will not start with a short secret', () => {
    assert.throws(() => new PersonalLinks({ secret: 'short', store }), /at least 32 characters/);
  });
});
