import { retryOnConflict, withoutVersion } from '../concurrency.js';
import type { Actor } from '../people/actor.js';
import { withConsentChange, type ConsentChange } from './consent.js';
import type { Partner } from './partner.js';
import type { RegisterPorts } from './ports.js';
import { saveWithAudit } from './save-with-audit.js';

type RenewalChoice = { readonly purpose: ConsentChange['purpose']; readonly given: boolean };

/**
 * The partner answered a consent renewal from their personal link: each purpose given again today or withdrawn,
 * recorded as theirs (on an online form) and audited, in one write. Withdrawal takes effect at once as when IEV
 * records it (equality answers deleted, contact details hidden and no more messages), except for consent to be
 * on the register: the partner leaves the register at once (nothing more is sent to them, nobody invites them,
 * and the retention review lists them for erasure), because erasure is the IEV team's to carry out once any
 * claim still owed to the partner is paid. Nothing happens to an erased partner. The audit entry is named by
 * `operationId` (the link's), so a press again after a failure part-way or a lost reply records it once:
 * answers whether it recorded now.
 */
export async function answerConsentRenewal(
  ports: Pick<RegisterPorts, 'partners' | 'audit' | 'clock'>,
  partnerId: string,
  choices: readonly RenewalChoice[],
  operationId: string,
): Promise<boolean> {
  const now = ports.clock();
  const auditId = `consent-changed:${operationId}`;
  const byPartner: Actor = {
    id: `partner:${partnerId}`,
    displayName: 'The partner, from their consent renewal link',
    roles: [],
  };
  return retryOnConflict(async () => {
    const partner = await ports.partners.find(partnerId);
    if (!partner || partner.erasure) return false;
    // Recorded already under this operation: waiting on the entry, or copied to the trail.
    if (partner.pendingAudit?.some((event) => event.id === auditId)) return false;
    if ((await ports.audit.trailOf(partnerId)).some((event) => event.id === auditId)) return false;
    const { next, fields } = withChoices(withoutVersion(partner), partner._etag, choices, byPartner, now);
    const event = { action: 'consent-changed' as const, fields, id: auditId };
    await saveWithAudit(ports, partner, next, event, byPartner, now);
    return true;
  });
}

/** The entry with every choice recorded, and the fields they changed; withdrawing the register means leaving it. */
function withChoices(
  partner: Partner,
  version: string,
  choices: readonly RenewalChoice[],
  byPartner: Actor,
  now: Date,
): { next: Partner; fields: string[] } {
  let next = partner;
  const fields = new Set<string>();
  for (const choice of choices) {
    const changed = withConsentChange(
      next,
      { version, ...choice, date: now.toISOString().slice(0, 10), how: 'online-form' },
      byPartner,
      now,
    );
    next = changed.partner;
    changed.fields.forEach((field) => fields.add(field));
  }
  if (choices.some((choice) => choice.purpose === 'register' && !choice.given) && next.status !== 'left') {
    next = { ...next, status: 'left' };
    fields.add('status');
  }
  return { next, fields: [...fields] };
}
