import { ForbiddenError } from '../errors.js';
import { isIevMember, isStaff, type Actor } from '../people/actor.js';
import { SETTINGS_ID } from './opportunity.js';
import type { OpportunityPorts } from './ports.js';

// IEV's setting: whether a published opportunity waits for their approval before the invitations go.

export async function readApprovalSetting(
  { store }: Pick<OpportunityPorts, 'store'>,
  actor: Actor,
): Promise<{ readonly approvalRequired: boolean }> {
  if (!isStaff(actor)) throw new ForbiddenError('Only colleagues see how opportunities are published.');
  return { approvalRequired: (await store.settings())?.approvalRequired ?? false };
}

export async function changeApprovalSetting(
  { store, clock }: Pick<OpportunityPorts, 'store' | 'clock'>,
  actor: Actor,
  approvalRequired: boolean,
): Promise<{ readonly approvalRequired: boolean }> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team decides whether opportunities need approval.');
  await store.saveSettings({
    id: SETTINGS_ID,
    type: 'opportunity-settings',
    schemaVersion: 1,
    opportunityId: SETTINGS_ID,
    approvalRequired,
    changedBy: { id: actor.id, name: actor.displayName, at: clock().toISOString() },
  });
  return { approvalRequired };
}
