import type { Services } from '../server/services.js';
import { DEMO_PEOPLE } from './demo-people.js';

const DAY_MS = 86_400_000;

/**
 * Two fictional opportunities published from the demo plans, so the Opportunities view shows matching and answers
 * waiting: carers for the discharge work (Hana), and an interview panel (Ivy). Published as their hosts would, so
 * the demo partners who fit are invited through the local Notify server. Fixed operation ids: seeding again
 * publishes nothing twice.
 */
export async function seedDemoOpportunities(services: Services, now = new Date()): Promise<void> {
  const day = (offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  const [hana, ivy] = DEMO_PEOPLE;
  const common = {
    expensesPaid: true,
    access: ['step-free', 'hearing-loop', 'quiet-space', 'carer-welcome'],
    interests: ['Service redesign'],
    livedExperience: ['Carer', 'Family member'],
  };
  await services.opportunities.service.publish(hana!, {
    ...common,
    operationId: 'demo-opportunity-discharge',
    planId: 'demo-plan-discharge',
    kind: 'involvement',
    title: 'Help us write a discharge checklist with carers',
    what: 'Two hours with other carers and ward staff, writing what carers need to know when someone leaves hospital.',
    date: day(21),
    time: '10:00',
    format: 'in-person',
    place: 'The carers\u2019 hub, Castle Street (demo)',
    payment: '\u00a325 for the morning',
    places: 4,
    closesOn: day(14),
  });
  await services.opportunities.service.publish(ivy!, {
    ...common,
    operationId: 'demo-opportunity-panel',
    planId: 'demo-plan-panels',
    kind: 'interview-panel',
    role: 'Ward manager, Rowan ward (demo)',
    title: 'Join the interview panel for a ward manager',
    what: 'A half day on the panel: meet the candidates, ask your questions and score them with the other panel members.',
    date: day(28),
    time: '13:30',
    format: 'hybrid',
    place: 'Trust headquarters, Room 2 (demo)',
    interests: ['Interview panels'],
    livedExperience: ['Service user', 'Carer'],
    places: 2,
    closesOn: day(18),
  });
}
