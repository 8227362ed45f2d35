import { retryOnConflict } from '../concurrency.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Partner } from './partner.js';
import type { RegisterPorts } from './ports.js';
import { PARTNER_NOT_FOUND } from './register-words.js';

/** "Welcome to Involvement", by email, text or letter as they prefer (or the task stays for IEV, with why). */
export async function welcomePartner(
  { messages, clock }: Pick<RegisterPorts, 'messages' | 'clock'>,
  partnerId: string,
): Promise<void> {
  await messages?.owe([{ eventId: `welcome:${partnerId}`, partnerId, kind: 'welcome' }], clock());
}

/** The partners whose welcome IEV still has to send, oldest first. */
export async function listWelcomeTasks(
  { partners }: Pick<RegisterPorts, 'partners'>,
  actor: Actor,
): Promise<Array<Pick<Partner, 'id' | 'displayName' | 'registeredAt'>>> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team sees the welcome tasks.');
  const page = await partners.awaitingWelcome(50);
  return page.items.map(({ id, displayName, registeredAt }) => ({ id, displayName, registeredAt }));
}

/** IEV ticks that they sent the welcome themselves. */
export async function markWelcomeSent(
  { partners, clock }: Pick<RegisterPorts, 'partners' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<void> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can record that a welcome was sent.');
  const now = clock();
  // A session counted on the partner at the same moment (hours changed) is a conflict: re-read and tick again.
  await retryOnConflict(async () => {
    const partner = await partners.find(id);
    if (!partner) throw new NotFoundError(PARTNER_NOT_FOUND);
    if (partner.welcome.status === 'sent') return;
    const { _etag, ...stored } = partner;
    await partners.replace({ ...stored, welcome: { status: 'sent', recordedAt: now.toISOString() } }, _etag);
  });
}
