import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers/app.js';
import type { TestUser } from '../helpers/users.js';
import { HOST } from '../helpers/users.js';
import { registerPartner } from '../partners/partner-steps.js';

const DAY_MS = 86_400_000;

/** The next Tuesday at least a week away: a weekday, so weekday availability fits and weekend-only does not. */
export function nextTuesday(): string {
  const date = new Date(Date.now() + 7 * DAY_MS);
  while (date.getUTCDay() !== 2) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** A plan of the host's at its summary, for adult mental health, looking for carers (written as the planning bot does). */
export async function planFor(
  app: TestApp,
  host: TestUser = HOST,
  title = 'Redesigning the crisis line',
): Promise<string> {
  const id = `plan-${randomUUID()}`;
  const at = new Date().toISOString();
  await app.services.planStore.createPlan({
    id,
    type: 'plan',
    schemaVersion: 1,
    hostId: host.id,
    hostName: host.name,
    title,
    serviceArea: 'Adult mental health',
    phase: 'planned',
    position: 'summary',
    revision: 3,
    answers: {
      purpose: { title, serviceArea: 'Adult mental health', purpose: 'Make the crisis line easier to reach at night.' },
      timing: { whenWhere: 'The Involvement Hub, Mansfield', firstSession: nextTuesday() },
      involvementPartners: { partnerCount: 3, livedExperience: 'Carers and people who have used the crisis line' },
      budget: { expensesOffered: 'yes', involvementPayments: 'yes' },
    },
    skipped: [],
    sessions: [],
    partnerIds: [],
    createdAt: at,
    updatedAt: at,
  });
  return id;
}

/** Registers a partner (as IEV) with a profile for matching. */
export const partnerWith = (app: TestApp, profile: Record<string, unknown>): Promise<string> =>
  registerPartner(app, {
    areas: ['Adult mental health'],
    interests: [],
    livedExperience: [],
    ...profile,
  });

/** A carer in the service area, with an email made from their first name (`ann@example.org`). */
export const carerWith = (app: TestApp, name: string, extra: Record<string, unknown> = {}): Promise<string> =>
  partnerWith(app, {
    displayName: name,
    email: `${name.split(' ')[0]!.toLowerCase()}@example.org`,
    livedExperience: ['Carer'],
    ...extra,
  });

/** The publish form as the tab sends it, from the plan's own form. */
export async function publishForm(app: TestApp, planId: string, changes: Record<string, unknown> = {}, as = HOST) {
  const form = await app.getJson<Record<string, unknown>>(`/api/opportunities/form?planId=${planId}`, as);
  if (form.status !== 200) throw new Error(`the form answered ${form.status}`);
  return { ...form.body, time: '10:30', operationId: randomUUID(), ...changes };
}

export async function publish(app: TestApp, planId: string, changes: Record<string, unknown> = {}, as = HOST) {
  const response = await app.api('/api/opportunities', {
    method: 'POST',
    as,
    body: JSON.stringify(await publishForm(app, planId, changes, as)),
  });
  const body = (await response.json()) as {
    opportunity: { id: string; state: string; invited?: { count: number } };
    answers: { invited: number; interested: number };
  };
  return { status: response.status, body };
}
