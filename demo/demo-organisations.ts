import type { OrganisationFields } from '../domain/organisations/organisation.js';
import type { Services } from '../server/services.js';
import { DEMO_PEOPLE } from './demo-people.js';

const IVY = DEMO_PEOPLE[1]!;
const DAY_MS = 86_400_000;

/**
 * Clearly fictional community organisations of the kinds seeds 001 and 002 work with (a carers' hub, a
 * mental health charity, a South Asian women's group, a veterans' breakfast club, a self-advocacy group,
 * a refugee welcome project, a youth project, a patient neighbourhood group). Phone numbers are Ofcom's
 * drama numbers and addresses are on example.org, so none can reach a real person. One was last checked
 * more than a year ago, so the directory shows the flag.
 */
type DemoOrganisation = OrganisationFields & { readonly operationId: string };

export function demoOrganisations(now: Date): DemoOrganisation[] {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
  return [...communityGroups(daysAgo), ...peerGroups(daysAgo)];
}

function communityGroups(daysAgo: (days: number) => string): DemoOrganisation[] {
  return [
    {
      operationId: 'demo-organisation-carers-hub',
      name: 'Millbrook Carers\u2019 Hub (demo)',
      groups: ['carers', 'age'],
      areas: ['Millbrook', 'Eastfield'],
      phone: '01632 960 101',
      email: 'hello@carers-hub.example.org',
      website: 'https://carers-hub.example.org',
      contactPerson: 'Cara Carewell (demo)',
      notes: 'Carers\u2019 coffee morning every Tuesday at 10:00; happy for us to come and listen.',
      lastCheckedOn: daysAgo(40),
    },
    {
      operationId: 'demo-organisation-mind-matters',
      name: 'Harbour Lane Mind Matters (demo)',
      groups: ['mental-health', 'disability', 'low-income'],
      areas: ['Trust-wide'],
      phone: '01632 960 202',
      email: 'info@mind-matters.example.org',
      notes: 'Peer-support groups in three towns; prefers a month\u2019s notice.',
      lastCheckedOn: daysAgo(120),
    },
    {
      operationId: 'demo-organisation-sahara-women',
      name: 'Sahara South Asian Women\u2019s Circle (demo)',
      groups: ['race', 'language', 'religion-belief', 'sex', 'age'],
      areas: ['Eastfield'],
      phone: '01632 960 303',
      notes: 'Meets in the community centre; Urdu, Punjabi and Gujarati speakers. Offer an interpreter.',
      lastCheckedOn: daysAgo(200),
    },
    {
      operationId: 'demo-organisation-veterans',
      name: 'Northgate Veterans\u2019 Breakfast Club (demo)',
      groups: ['veterans', 'age'],
      areas: ['Northgate'],
      email: 'breakfast@veterans.example.org',
      lastCheckedOn: daysAgo(500),
    },
  ];
}

function peerGroups(daysAgo: (days: number) => string): DemoOrganisation[] {
  return [
    {
      operationId: 'demo-organisation-speak-up',
      name: 'Speak Up Self-Advocates (demo)',
      groups: ['learning-disability', 'disability'],
      areas: ['Millbrook', 'Northgate'],
      phone: '01632 960 505',
      website: 'https://speak-up.example.org',
      notes: 'Easy read please; members like to bring a supporter.',
      lastCheckedOn: daysAgo(90),
    },
    {
      operationId: 'demo-organisation-welcome-project',
      name: 'Riverside Welcome Project (demo)',
      groups: ['refugees', 'language', 'race', 'homeless'],
      areas: ['Riverside', 'Millbrook'],
      phone: '01632 960 606',
      email: 'drop-in@welcome.example.org',
      notes: 'Drop-in on Thursdays. Explain that taking part will not affect anyone\u2019s care or status.',
      lastCheckedOn: daysAgo(30),
    },
    {
      operationId: 'demo-organisation-youth-voice',
      name: 'Eastfield Youth Voice (demo)',
      groups: ['young-people', 'sexual-orientation', 'gender-reassignment'],
      areas: ['Eastfield', 'Riverside'],
      email: 'youthvoice@example.org',
      website: 'https://youth-voice.example.org',
      lastCheckedOn: daysAgo(60),
    },
    {
      operationId: 'demo-organisation-neighbourhood-group',
      name: 'Northgate Patient Neighbourhood Group (demo)',
      groups: ['age', 'disability', 'pregnancy-maternity', 'marriage-civil-partnership'],
      areas: ['Northgate'],
      phone: '01632 960 808',
      notes: 'Meets monthly at the health centre; agenda closes a week before.',
      lastCheckedOn: daysAgo(15),
    },
  ];
}

/** Adds the demo organisations once (fixed operation ids: seeding again changes nothing). */
export async function seedDemoOrganisations(services: Services, now = new Date()): Promise<void> {
  const actor = { id: IVY.id, displayName: IVY.displayName, roles: IVY.roles };
  for (const { operationId, ...fields } of demoOrganisations(now)) {
    await services.organisations.add(actor, fields, operationId);
  }
}
