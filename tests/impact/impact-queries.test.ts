import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { fictionalPartner, seedFictionalPartners } from '../../demo/demo-partners.js';
import { ImpactQueries } from '../../storage/impact-queries.js';

const PLANS = 260;
const PARTNERS = 450;

/** Runs in parallel batches: the local server is happy with a few creates in flight. */
async function inBatches<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += 16) await Promise.all(items.slice(start, start + 16).map(write));
}

describe('impact queries on the local Cosmos server', function () {
  this.timeout(60_000);
  let app: TestApp;
  let queries: ImpactQueries;

  before(async () => {
    app = await startTestApp();
    queries = new ImpactQueries(app.services.database.containers);
    await seedFictionalPartners(app.services.database.containers, PARTNERS);
    const { plans, partners } = app.services.database.containers;
    // More sessions than one page holds (200), spread over many hosts' partitions.
    await inBatches(
      Array.from({ length: PLANS }, (_, index) => index),
      (index) =>
        plans.items.create({
          id: `bulk-${index}`,
          type: 'plan',
          schemaVersion: 1,
          hostId: `host-${index % 7}`,
          hostName: 'Fictional host',
          title: 'Fictional work',
          phase: 'running',
          sessions: [
            {
              id: `s-${index}-a`,
              date: '2026-01-15',
              durationMinutes: 60,
              partnerIds: [fictionalPartner(index).id],
              howItWent: 'Private notes',
              checkIn: 'yes',
              checkInNotes: 'Private',
              format: 'online',
              loggedAt: '2026-01-15T12:00:00.000Z',
            },
            {
              id: `s-${index}-b`,
              date: '2026-05-15',
              durationMinutes: 30,
              partnerIds: [fictionalPartner(index + 1).id],
              howItWent: 'Private notes',
              checkIn: 'yes',
              checkInNotes: 'Private',
              format: 'online',
              loggedAt: '2026-05-15T12:00:00.000Z',
            },
          ],
          ...(index % 4 === 0
            ? { outcome: { feedbackHow: index % 8 === 0 ? 'Letter' : '  ', decisions: 'Private' } }
            : {}),
        }),
    );
    // An older record that kept equality answers although consent was withdrawn: they must not be read.
    const withdrawn = fictionalPartner(PARTNERS);
    await partners.items.create({
      ...withdrawn,
      consent: { ...withdrawn.consent, equalityMonitoring: { given: false, at: withdrawn.registeredAt } },
      equality: { ageBand: '65+' },
    });
  });
  after(() => app?.stop());

  it('reads every session up to the end of the period, page after page, with only the fields the report needs', async () => {
    const sessions = await queries.sessionsUpTo('2026-03-31');
    assert.equal(sessions.length, PLANS);
    assert.deepEqual(Object.keys(sessions[0]!).sort(), ['date', 'durationMinutes', 'partnerIds', 'workId']);
    assert.equal((await queries.sessionsUpTo('2026-12-31')).length, PLANS * 2);
  });

  it('reads which pieces of work recorded how they fed back, ignoring blank answers', async () => {
    const work = (await queries.workFacts()).filter((piece) => piece.outcomeRecorded);
    assert.equal(work.length, PLANS / 4);
    assert.equal(work.filter((piece) => piece.feedbackRecorded).length, Math.ceil(PLANS / 8));
  });

  it('reads equality answers in chunks, and only for partners who agreed', async () => {
    const ids = [
      ...Array.from({ length: PARTNERS }, (_, index) => fictionalPartner(index).id),
      fictionalPartner(PARTNERS).id,
    ];
    const facts = await queries.partnersAmong(ids);
    assert.equal(facts.length, PARTNERS + 1);
    const agreed = facts.filter((partner) => partner.equality !== undefined);
    assert.equal(
      agreed.length,
      Array.from({ length: PARTNERS }, (_, index) => index).filter((index) => index % 3 === 0).length,
    );
    assert.equal(facts.find((partner) => partner.id === fictionalPartner(PARTNERS).id)!.equality, undefined);
    assert.deepEqual(Object.keys(facts[0]!).sort(), ['equality', 'id']);
  });
});
