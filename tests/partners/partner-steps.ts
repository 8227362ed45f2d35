import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';

export { eventually } from '../claims/claim-steps.js';

/** What /dev/notify.json lists: what the local GOV.UK Notify server received. */
export interface ReceivedNotification {
  readonly id: string;
  readonly type: 'email' | 'sms' | 'letter';
  readonly recipient: string;
  readonly templateName: string;
  readonly reference: string;
  readonly personalisation: Record<string, string>;
  readonly status: string;
}

export interface MessageRow {
  readonly kind: string;
  readonly status: string;
  readonly channel?: string;
  readonly problem?: { why: string; todo: string };
}

export const startPartnersApp = (): Promise<TestApp> => startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });

/** IEV's registration form, as the tab sends it. */
export const registration = (overrides: Record<string, unknown> = {}) => ({
  operationId: randomUUID(),
  displayName: `Nora Notify ${randomUUID().slice(0, 6)}`,
  email: `nora-${randomUUID().slice(0, 8)}@example.org`,
  preferredMethod: 'email',
  consent: { register: true, contactAboutOpportunities: true, equalityMonitoring: false },
  emergencyContact: { name: 'Ned Notify', relationship: 'Brother', phone: '01632 961999' },
  ...overrides,
});

export async function registerPartner(app: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await app.api('/api/partners', {
    method: 'POST',
    as: IEV,
    body: JSON.stringify(registration(overrides)),
  });
  if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { partner: { id: string } }).partner.id;
}

export async function notifyReceived(app: TestApp): Promise<ReceivedNotification[]> {
  const response = await fetch(`${app.url}/dev/notify.json`);
  return ((await response.json()) as { notifications: ReceivedNotification[] }).notifications;
}

export async function messagesOf(app: TestApp, partnerId: string): Promise<MessageRow[]> {
  return (await app.getJson<{ items: MessageRow[] }>(`/api/partners/${partnerId}/messages`, IEV)).body.items;
}

/** A plan of the demo host, ready to close, whose one session the partners took part in. */
export async function createPlanWithSession(
  app: TestApp,
  plan: { id: string; title: string; partnerIds: readonly string[]; serviceArea?: string },
): Promise<void> {
  await app.services.database.containers.plans.items.create({
    id: plan.id,
    type: 'plan',
    schemaVersion: 1,
    hostId: HOST.id,
    hostName: HOST.name,
    title: plan.title,
    ...(plan.serviceArea ? { serviceArea: plan.serviceArea } : {}),
    phase: 'running',
    position: 'summary',
    revision: 3,
    answers: {},
    skipped: [],
    partnerIds: plan.partnerIds,
    sessions: [
      {
        id: 's-1',
        date: '2026-11-01',
        durationMinutes: 60,
        format: 'in-person',
        partnerIds: plan.partnerIds,
        howItWent: '',
        checkIn: 'yes',
        checkInNotes: '',
        loggedAt: '2026-11-01T12:00:00.000Z',
      },
    ],
    createdAt: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-11-01T12:00:00.000Z',
  });
}
