import type { Partner } from '../domain/register/partner.js';
import { normaliseName } from '../domain/register/registration.js';
import { LIVED_EXPERIENCE, SERVICE_AREAS } from '../domain/register/service-areas.js';
import type { Containers } from '../storage/cosmos.js';
import { createEach } from './create-each.js';

/**
 * Clearly fictional Involvement Partners for local mode, demos and tests. Names are made from short
 * lists; phone numbers use Ofcom's drama range (01632 960xxx) and emails the reserved example.org,
 * so nothing here can reach a real person.
 */
const GIVEN = [
  'Ada',
  'Bilal',
  'Chen',
  'Dora',
  'Eilidh',
  'Femi',
  'Grace',
  'Harpreet',
  'Idris',
  'Jonah',
  'Kemi',
  'Lena',
  'Marek',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sol',
  'Tomasz',
];
const FAMILY = [
  'Abbott',
  'Banerjee',
  'Carter',
  'Dlamini',
  'Evans',
  'Fletcher',
  'Gill',
  'Hughes',
  'Iqbal',
  'Jones',
  'Kowalski',
  'Lowe',
  'Mensah',
  'Nowak',
  'Okafor',
  'Patel',
  'Reid',
  'Shah',
  'Turner',
  'Walsh',
];
const INTERESTS = [
  'Interview panels',
  'Service redesign',
  'Quality improvement',
  'Reading group',
  'Staff training',
  'Peer support',
  'Digital services',
  'Wards and environments',
  'Leaflets and letters',
  'Recovery college',
];
const AVAILABILITY = [
  'Weekday mornings',
  'Weekday afternoons',
  'Evenings only',
  'Online only',
  'Flexible',
  'Not on Fridays',
];
const STATUSES: Array<Partner['status']> = [
  'active',
  'active',
  'active',
  'active',
  'active',
  'active',
  'paused',
  'active',
  'active',
  'left',
];
const DAY_MS = 86_400_000;
const BASE_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length]!;

/** The n-th fictional partner. Deterministic, so tests can know who is where. */
export function fictionalPartner(index: number): Partner {
  const given = pick(GIVEN, index);
  const family = pick(FAMILY, Math.floor(index / GIVEN.length) + index);
  const displayName =
    index < GIVEN.length * FAMILY.length ? `${given} ${family}` : `${given} ${family} ${Math.floor(index / 400)}`;
  const at = new Date(BASE_TIME + (index % 300) * DAY_MS + index * 1000).toISOString();
  const contactable = index % 4 !== 3;
  const equalityConsent = index % 3 === 0;
  const interests = [pick(INTERESTS, index), pick(INTERESTS, index * 7 + 3)].filter(
    (value, position, all) => all.indexOf(value) === position,
  );
  return {
    id: `demo-partner-${String(index).padStart(5, '0')}`,
    type: 'partner',
    schemaVersion: 1,
    displayName,
    searchName: normaliseName(displayName),
    status: pick(STATUSES, index),
    areas: [pick(SERVICE_AREAS, index), pick(SERVICE_AREAS, index + 3)],
    interests,
    searchInterests: interests.map((interest) => interest.toLowerCase()),
    livedExperience: [pick(LIVED_EXPERIENCE, index)],
    availability: pick(AVAILABILITY, index),
    ...(index % 5 !== 0
      ? { lastInvolvedAt: new Date(BASE_TIME + (index % 200) * DAY_MS + 30 * DAY_MS).toISOString() }
      : {}),
    registeredAt: at,
    consent: {
      register: { given: true, at },
      contactAboutOpportunities: { given: contactable, at },
      equalityMonitoring: { given: equalityConsent, at },
    },
    paymentPreference: {
      choice: pick(['accept-payment', 'expenses-only', 'decline', 'not-chosen'] as const, index),
      chosenAt: at,
    },
    contact: {
      email: `${given}.${family}${index}@example.org`.toLowerCase(),
      phone: `01632 960${String(index % 1000).padStart(3, '0')}`,
      preferredMethod: index % 2 ? 'email' : 'phone',
    },
    ...(index % 3 === 1 ? { communicationNeeds: 'Prefers papers a week ahead, in large print.' } : {}),
    ...(index % 4 === 2 ? { accessNeeds: 'Step-free access and a quiet space to take breaks.' } : {}),
    emergencyContact: {
      name: `${pick(GIVEN, index + 5)} ${family}`,
      relationship: pick(['Partner', 'Sister', 'Friend', 'Son', 'Neighbour'], index),
      phone: `01632 961${String(index % 1000).padStart(3, '0')}`,
    },
    ...(equalityConsent
      ? {
          equality: {
            ageBand: pick(['18-24', '25-34', '35-49', '50-64', '65+'], index),
            disability: pick(['Yes', 'No', 'Prefer not to say'], index),
          },
        }
      : {}),
    welcome: { status: index % 10 === 4 ? 'to-send' : 'sent', recordedAt: at },
    hoursInvolved: (index % 12) * 1.5,
  };
}

/**
 * Writes partners `from`..`from + count - 1`, 16 creates in flight (a partner already there is left
 * alone), so a 10,000-partner register takes seconds. Measured on the local Cosmos server, plain
 * concurrent creates were about 20× faster than the SDK's `executeBulkOperations` (100 a second).
 */
export async function seedFictionalPartners(containers: Containers, count: number, from = 0): Promise<void> {
  await createEach(containers.partners, count, fictionalPartner, from);
}

/** About fifty partners for local mode: enough to search, filter and page through. */
export const DEMO_PARTNER_COUNT = 50;
