import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';

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
