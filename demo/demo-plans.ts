import type { Plan, PlanSession } from '../domain/planning/plan.js';
import type { SupportRequest } from '../domain/planning/support-request.js';
import type { Services } from '../server/services.js';
import { DEMO_PEOPLE } from './demo-people.js';

const DAY_MS = 86_400_000;
const HANA = DEMO_PEOPLE[0]!;
const IVY = DEMO_PEOPLE[1]!;

type PlanMakers = ReturnType<typeof planMakers>;

/** The pieces every demo plan is made of, dated from one "now" so the demo always looks current. */
function planMakers(now: Date) {
  const day = (offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString();
  const session = (id: string, offset: number, partnerIds: string[], checkIn: PlanSession['checkIn']): PlanSession => ({
    id,
    date: day(offset).slice(0, 10),
    durationMinutes: 120,
    format: 'in-person',
    partnerIds,
    howItWent: 'Lively discussion; people brought photos of spaces they find calming.',
    checkIn,
    checkInNotes: checkIn === 'yes' ? '' : 'Two people were quiet; I will phone them before the next session.',
    loggedAt: day(offset),
  });
  const base = (id: string, hostIndex: 0 | 1, title: string, serviceArea: string, offset: number) => ({
    id,
    type: 'plan' as const,
    schemaVersion: 1 as const,
    hostId: (hostIndex === 0 ? HANA : IVY).id,
    hostName: (hostIndex === 0 ? HANA : IVY).displayName,
    title,
    serviceArea,
    skipped: [],
    createdAt: day(offset),
    updatedAt: day(offset + 2),
  });
  const purpose = (title: string, serviceArea: string, text: string) => ({ title, serviceArea, purpose: text });
  return { day, session, base, purpose };
}

/** A plan still being written, with a request for help. */
function waitingAreaPlan({ base, purpose }: PlanMakers): Plan {
  return {
    ...base('demo-plan-waiting-area', 0, 'Calmer memory clinic waiting area', 'Older people\u2019s mental health', -6),
    phase: 'planning',
    position: 'methods',
    revision: 4,
    answers: {
      purpose: purpose(
        'Calmer memory clinic waiting area',
        'Older people\u2019s mental health',
        'Make the waiting area less stressful for patients and carers.',
      ),
      known: { earlierEngagement: 'Complaints about noise; a 2024 survey of carers.' },
      people: { groups: ['age', 'disability', 'carers'] },
    },
    sessions: [],
    partnerIds: [],
  };
}

/** A plan under way, with two sessions logged. */
function dischargePlan({ base, session, purpose }: PlanMakers, partners: string[]): Plan {
  const running = partners.slice(0, 3);
  return {
    ...base('demo-plan-discharge', 0, 'Carers\u2019 experience of leaving hospital', 'Adult inpatient wards', -40),
    phase: 'running',
    position: 'summary',
    revision: 18,
    answers: {
      purpose: {
        ...purpose(
          'Carers\u2019 experience of leaving hospital',
          'Adult inpatient wards',
          'Understand what carers need when someone they care for is discharged.',
        ),
        objectives: 'A discharge checklist written with carers.',
      },
      people: { groups: ['carers', 'race', 'language'] },
      methods: { methods: ['conversations', 'co-design', 'go-to-groups'] },
      partners: { partnerOrganisations: 'The carers\u2019 hub and a local Somali women\u2019s group' },
      timing: { whenWhere: 'At the carers\u2019 hub, Wednesday mornings', onTheirTerms: 'yes' },
      influence: {
        canInfluence: 'What goes in the checklist and how it is given out',
        cannotInfluence: 'Discharge times set by the national policy',
      },
      level: { level: 'collaborate' },
      feedback: { feedbackRoute: 'A \u201cyou said, we did\u201d letter to everyone involved' },
      eia: { eiaNeeded: 'yes', eiaStatus: 'in-progress' },
      budget: { budget: 800, expensesOffered: 'yes', involvementPayments: 'yes' },
    },
    sessions: [
      session('demo-session-1', -20, running, 'yes'),
      session('demo-session-2', -8, running.slice(0, 2), 'mostly'),
    ],
    partnerIds: running,
  };
}

/** A closed plan, its loop closed with "you said, we did". */
function lettersPlan({ base, day, session, purpose }: PlanMakers, partners: string[]): Plan {
  return {
    ...base('demo-plan-letters', 0, 'Easy read appointment letters', 'Learning disability services', -120),
    phase: 'closed',
    position: 'summary',
    revision: 25,
    answers: {
      purpose: {
        ...purpose(
          'Easy read appointment letters',
          'Learning disability services',
          'Make appointment letters easy to understand.',
        ),
        objectives: 'New letter templates in use.',
      },
      people: { groups: ['learning-disability', 'carers'] },
      methods: { methods: ['co-design', 'accessible-info'] },
      feedback: { feedbackRoute: 'An easy read newsletter and a celebration event' },
      budget: { budget: 300, expensesOffered: 'yes' },
    },
    sessions: [session('demo-session-3', -90, partners.slice(1, 3), 'yes')],
    partnerIds: partners.slice(1, 3),
    outcome: {
      decisions: 'New easy read templates for first appointments, used by all community teams.',
      youSaidWeDid: [
        {
          youSaid: 'The letters use words we do not know',
          weDid: 'We rewrote them with you, with pictures',
          sessionId: 'demo-session-3',
        },
      ],
      feedbackHow: 'An easy read newsletter and a celebration event',
      feedbackTo: 'Everyone involved and the learning disability services board',
      thankedPartnerIds: partners.slice(1, 3),
      thankYouMessage:
        'Thank you for taking part in \u201cEasy read appointment letters\u201d. Your experience and ideas made a difference.',
      evaluation: { rating: 'very-good', comment: 'Give more time between sessions.' },
      recordedAt: day(-60),
    },
  };
}

/** A plan ready to start. */
function panelsPlan({ base, purpose }: PlanMakers): Plan {
  return {
    ...base('demo-plan-panels', 1, 'Involvement Partners on interview panels', 'Workforce', -10),
    phase: 'planned',
    position: 'summary',
    revision: 15,
    answers: {
      purpose: purpose(
        'Involvement Partners on interview panels',
        'Workforce',
        'Make sure people with lived experience help choose new colleagues.',
      ),
    },
    sessions: [],
    partnerIds: [],
  };
}

/**
 * Fictional plans in every phase for the demo hosts, so "my plans", the register's involvement work
 * and the IEV team's open requests show something real. Fixed ids: seeding again changes nothing.
 * Runs after the demo partners are on the register; sessions use the first active ones found.
 */
export async function seedDemoPlans(services: Services, now = new Date()): Promise<void> {
  const partners = (
    await services.partners.page(
      { query: 'SELECT * FROM c WHERE c.type = "partner" AND c.status = "active" ORDER BY c.id', parameters: [] },
      4,
    )
  ).items.map((partner) => partner.id);
  const makers = planMakers(now);
  for (const plan of [waitingAreaPlan, dischargePlan, lettersPlan, panelsPlan]) {
    await services.planStore.plans.create(plan(makers, partners));
  }

  const request: SupportRequest = {
    id: 'support-demo-waiting-area',
    type: 'support-request',
    schemaVersion: 1,
    hostId: HANA.id,
    hostName: HANA.displayName,
    planId: 'demo-plan-waiting-area',
    planTitle: 'Calmer memory clinic waiting area',
    kinds: ['finding-people', 'hub-room'],
    description: 'We would like to meet carers of people with dementia, and book a Hub room for a workshop in spring.',
    status: 'open',
    createdAt: makers.day(-1),
  };
  await services.planStore.supportRequests.create(request);
}
