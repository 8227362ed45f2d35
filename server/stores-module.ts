import { AuditStore } from '../storage/audit-store.js';
import type { Containers } from '../storage/cosmos.js';
import { DirectoryStore } from '../storage/directory-store.js';
import { FeedbackStore } from '../storage/feedback-store.js';
import { InvolvementWorkReader, PartnerStore } from '../storage/partner-store.js';
import { PlanStore } from '../storage/plan-store.js';

/** The records several areas read: the register, its audit trail, the plans and the directory of colleagues. */
export interface SharedStores {
  readonly directoryStore: DirectoryStore;
  readonly partners: PartnerStore;
  readonly audit: AuditStore;
  /** Read-only view of plans and claims for the register tab. */
  readonly work: InvolvementWorkReader;
  readonly planStore: PlanStore;
  readonly feedback: FeedbackStore;
}

export function createSharedStores({ containers }: { readonly containers: Containers }): SharedStores {
  return {
    directoryStore: new DirectoryStore(containers),
    partners: new PartnerStore(containers),
    audit: new AuditStore(containers),
    work: new InvolvementWorkReader(containers),
    planStore: new PlanStore(containers),
    feedback: new FeedbackStore(containers),
  };
}
