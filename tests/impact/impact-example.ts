import type { TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import { fictionalPartner, seedFictionalPartners } from '../../demo/demo-partners.js';

const partnerIds = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, offset) => fictionalPartner(from + offset).id);

function plan(
  id: string,
  hostId: string,
  sessions: Array<{ date: string; minutes: number; partners: string[] }>,
  feedbackHow?: string,
) {
  const stored = sessions.map((session, index) => ({
    id: `${id}-session-${index}`,
    date: session.date,
    durationMinutes: session.minutes,
    format: 'in-person',
    partnerIds: session.partners,
    howItWent: 'Fictional test session',
    checkIn: 'yes',
    checkInNotes: '',
    loggedAt: `${session.date}T17:00:00.000Z`,
  }));
  return {
    id,
    type: 'plan',
    schemaVersion: 1,
    hostId,
    hostName: 'Fictional host',
    title: `Fictional work ${id}`,
    phase: feedbackHow ? 'closed' : 'running',
    position: 'summary',
    revision: 1,
    answers: {},
    skipped: [],
    sessions: stored,
    partnerIds: [...new Set(sessions.flatMap((session) => session.partners))],
    ...(feedbackHow
      ? {
          outcome: {
            decisions: 'Fictional decision',
            youSaidWeDid: [],
            feedbackHow,
            feedbackTo: 'Everyone involved',
            thankedPartnerIds: [],
            thankYouMessage: '',
            recordedAt: '2026-03-20T10:00:00.000Z',
          },
        }
      : {}),
    createdAt: '2025-09-01T10:00:00.000Z',
    updatedAt: '2026-03-20T10:00:00.000Z',
  };
}

function claim(
  id: string,
  status: string,
  submittedAt: string,
  paidAt: string | undefined,
  expensesPence: number,
  paymentsPence: number,
) {
  return {
    id,
    type: 'claim',
    schemaVersion: 1,
    status,
    hostId: HOST.id,
    hostName: 'Fictional host',
    partnerId: fictionalPartner(1).id,
    partnerName: fictionalPartner(1).displayName,
    work: { title: 'Fictional work' },
    items: [],
    receipts: [],
    totals: { expensesPence, paymentsPence },
    policyVersion: 'test',
    createdAt: submittedAt,
    submittedAt,
    ...(paidAt ? { paidAt } : {}),
    history: [],
  };
}

/**
 * A known first quarter of 2026, stored as the planning bot and claims store it: 15 partners took
 * part (6 returning from last autumn, 9 new) for 21 partner-hours over 2 sessions; 1 of 2 pieces of
 * work fed back; 6 claims were paid (£60.00 expenses, £45.00 payments), half within 12 days.
 */
export async function seedImpactExample(app: TestApp): Promise<void> {
  await seedFictionalPartners(app.services.database.containers, 20);
  const { plans, claims } = app.services.database.containers;
  // Partners 0-5 took part last autumn and again this quarter; 6-11 are new this quarter; 12-14 are new on another host's work.
  await plans.items.create(
    plan(
      'impact-a',
      HOST.id,
      [
        { date: '2025-10-01', minutes: 120, partners: partnerIds(0, 5) },
        { date: '2026-02-01', minutes: 90, partners: partnerIds(0, 11) },
      ],
      'A newsletter to everyone who took part',
    ),
  );
  await plans.items.create(
    plan('impact-b', IEV.id, [{ date: '2026-03-01', minutes: 60, partners: partnerIds(12, 14) }]),
  );
  // April to June: 5 new faces (15-19) and 2 returning (0-1), so "returning" is small and "new" is hidden with it.
  await plans.items.create(
    plan(
      'impact-later',
      IEV.id,
      [
        { date: '2026-04-02', minutes: 600, partners: partnerIds(15, 19) },
        { date: '2026-04-10', minutes: 60, partners: partnerIds(0, 1) },
      ],
      'Told them',
    ),
  );
  const paidIn = [2, 4, 10, 14, 21, 30];
  for (const [index, days] of paidIn.entries()) {
    const submitted = Date.UTC(2026, 1, 1, 9);
    await claims.items.create(
      claim(
        `impact-paid-${index}`,
        'paid',
        new Date(submitted).toISOString(),
        new Date(submitted + days * 86_400_000).toISOString(),
        1000,
        index === 0 ? 4500 : 0,
      ),
    );
  }
  await claims.items.create(
    claim('impact-paid-later', 'paid', '2026-03-25T09:00:00.000Z', '2026-04-03T09:00:00.000Z', 99_900, 0),
  );
  await claims.items.create(claim('impact-approved', 'approved', '2026-03-02T09:00:00.000Z', undefined, 77_700, 0));
  // Seven partners of impact-a said how it was for them (5 good, 1 mixed, 1 poor; 6 felt listened to, 1 skipped it).
  for (let index = 0; index < 7; index += 1) {
    await app.services.database.containers.evaluations.items.create({
      id: `impact-evaluation-${index}`,
      type: 'partner-evaluation',
      schemaVersion: 1,
      workId: 'impact-a',
      day: '2026-03-05',
      answers: index < 6 ? { overall: index < 5 ? 'good' : 'mixed', listened: 'yes' } : { overall: 'poor' },
    });
  }
}
