import { retryOnConflict } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import { STATUS_LABELS, type ClaimDocument } from '../claims/claim.js';
import type { ClaimRepository } from '../claims/ports.js';
import type { OutboxRepository } from '../notifications/ports.js';
import type { Clock, Versioned } from '../ports.js';
import type { AuditTrail, InvolvementReader, PartnerRepository, WorkRecord } from './ports.js';
import { blocksErasure, claimNeedsErasure, erasedClaim, erasedPartner, type ErasureRecord } from './erasure.js';
import type { Partner } from './partner.js';
import {
  RETENTION_REASON_TEXT,
  retentionCutoff,
  retentionReviewReason,
  type RetentionPolicy,
  type RetentionReason,
} from './retention.js';

// The same words as the register's other routes use for a partner that is not there.
const NOT_FOUND =
  'We could not find that Involvement Partner. They may have left the register, or you may not have access.';
const REVIEW_PAGE_SIZE = 50;

/** A subject access export: everything the Involvement Hub holds about one partner. */
export interface PartnerDataExport {
  readonly about: string;
  readonly exportedAt: string;
  readonly exportedBy: string;
  readonly registerEntry: Partner;
  readonly involvement: ReadonlyArray<{
    planId: string;
    title: string | undefined;
    phase: string | undefined;
    hostName: string | undefined;
    serviceArea: string | undefined;
    sessionsAttended: ReadonlyArray<{
      date: string | undefined;
      format: string | undefined;
      minutes: number | undefined;
    }>;
  }>;
  readonly claims: readonly ExportedClaim[];
  readonly auditTrail: ReadonlyArray<{ at: string; by: string; action: string; fields: readonly string[] }>;
  /** What other areas hold about the partner (messages sent to them, their application), by area. */
  readonly otherRecords: Readonly<Record<string, readonly unknown[]>>;
}

/** Another area's records about a partner, covered by export and erasure (messages to partners, applications). */
export interface PartnerRecordHolder {
  readonly name: string;
  exportFor(partnerId: string): Promise<readonly unknown[]>;
  /** Removes what the records say about the partner, and cancels anything still to happen (a queued message). */
  eraseFor(partnerId: string): Promise<void>;
}

type ExportedClaim = Omit<ClaimDocument, 'receipts' | 'approvalCard' | 'history'> & {
  /** Receipts by name only: the files themselves are sent separately if the partner asks for copies. */
  receipts: ReadonlyArray<{ fileName: string; addedAt: string }>;
  history: ReadonlyArray<{ status: string; at: string; by: string; note: string | undefined }>;
};

export interface RetentionReviewItem {
  readonly id: string;
  readonly displayName: string;
  readonly status: Partner['status'];
  readonly registeredAt: string;
  readonly lastInvolvedAt: string | undefined;
  readonly reason: RetentionReason;
  readonly reasonText: string;
}

export interface PartnerRightsDependencies {
  readonly partners: PartnerRepository;
  readonly claims: Pick<ClaimRepository, 'allForPartner' | 'findClaim' | 'replaceClaim'>;
  readonly audit: AuditTrail;
  readonly work: InvolvementReader;
  readonly policy: RetentionPolicy;
  readonly outbox: Pick<OutboxRepository, 'enqueue'>;
  /** Other areas' records about a partner (messages, links, opportunities, applications): exported and erased too. */
  readonly holders: readonly PartnerRecordHolder[];
  readonly now: Clock;
}

/** A partner's rights over their data: a copy of it, erasure on request, and the register's retention review. IEV only. */
export class PartnerRightsService {
  constructor(private readonly deps: PartnerRightsDependencies) {}

  async exportData(actor: Actor, id: string, now = this.deps.now()): Promise<PartnerDataExport> {
    assertIev(actor, 'Only the IEV team can export a partner\u2019s data.');
    const partner = await this.deps.partners.find(id);
    if (!partner) throw new NotFoundError(NOT_FOUND);
    // Written before the data leaves: if the trail cannot be written, nothing is exported.
    await this.deps.audit.record(
      { subjectId: id, actorId: actor.id, actorName: actor.displayName, action: 'exported', fields: [] },
      now,
    );
    const [plans, claims, trail, other] = await Promise.all([
      this.deps.work.plansWithPartner(id),
      this.deps.claims.allForPartner(id),
      this.deps.audit.trailOf(id),
      Promise.all(this.deps.holders.map(async (holder) => [holder.name, await holder.exportFor(id)] as const)),
    ]);
    const { _etag, ...registerEntry } = partner;
    return {
      about: 'Everything the Involvement Hub holds about this Involvement Partner.',
      exportedAt: now.toISOString(),
      exportedBy: actor.displayName,
      registerEntry,
      involvement: plans.map((plan) => involvementOf(plan, id)),
      claims: claims.map(exportedClaim),
      auditTrail: trail.map(({ at, actorName, action, fields }) => ({
        at,
        by: actorName ?? 'A colleague',
        action,
        fields,
      })),
      otherRecords: Object.fromEntries(other),
    };
  }

  /**
   * Erases the partner's personal data. Claims are cleaned first and the register entry last, so an
   * erasure that fails part-way still shows as not done and repeating it finishes the job. Repeating
   * a finished erasure changes nothing.
   */
  async erase(
    actor: Actor,
    id: string,
    reason: string,
    now = this.deps.now(),
    alsoChange: (partner: Partner) => Partner = (partner) => partner,
  ): Promise<{ erasure: ErasureRecord; alreadyErased: boolean }> {
    assertIev(actor, 'Only the IEV team can erase a partner\u2019s data.');
    const partner = await this.deps.partners.find(id);
    if (!partner) throw new NotFoundError(NOT_FOUND);
    const claims = await this.deps.claims.allForPartner(id);
    const open = claims.filter(blocksErasure);
    if (!partner.erasure && open.length > 0) {
      const states = [
        ...new Set(open.map((claim) => STATUS_LABELS[claim.status].replace(/^./, (first) => first.toLowerCase()))),
      ].join('; ');
      throw new ConflictError(
        `This partner has ${open.length === 1 ? 'an expense claim' : `${open.length} expense claims`} that ${open.length === 1 ? 'is' : 'are'} not yet paid or rejected (${states}). Finish ${open.length === 1 ? 'it' : 'them'} first, then erase their data, so nobody loses money they are owed.` +
          (open.some((claim) => claim.status === 'draft')
            ? ' A draft that was never sent can be discarded by the host who started it ("Discard this draft" in their chat with the bot).'
            : ''),
      );
    }
    for (const claim of claims) {
      await this.eraseClaim(claim);
      await this.refreshApprovalCard(claim, now);
    }
    // Before the entry: queued messages are cancelled, so nothing goes to someone whose data is being erased.
    for (const holder of this.deps.holders) await holder.eraseFor(id);
    const request: ErasureRecord = { at: now.toISOString(), byId: actor.id, byName: actor.displayName, reason };
    const record = partner.erasure ?? (await this.erasePartner(partner, request, alsoChange));
    const alreadyErased = record !== request;
    await this.auditErasureOnce(actor, id, now);
    return { erasure: record, alreadyErased };
  }

  /** Partners whose entries are due for a retention review, a page at a time. */
  async dueForReview(
    actor: Actor,
    continuation: string | undefined,
    now = this.deps.now(),
  ): Promise<{ items: RetentionReviewItem[]; continuation: string | undefined; years: number }> {
    assertIev(actor, 'Only the IEV team sees which partners are due for retention review.');
    const page = await this.deps.partners.dueForRetentionReview(
      retentionCutoff(now, this.deps.policy),
      REVIEW_PAGE_SIZE,
      continuation,
    );
    const items = page.items.flatMap((partner) => {
      const reason = retentionReviewReason(partner, now, this.deps.policy);
      if (!reason) return [];
      const { id, displayName, status, registeredAt, lastInvolvedAt } = partner;
      return [
        { id, displayName, status, registeredAt, lastInvolvedAt, reason, reasonText: RETENTION_REASON_TEXT[reason] },
      ];
    });
    return { items, continuation: page.continuation, years: this.deps.policy.yearsWithoutInvolvement };
  }

  private async eraseClaim(first: Versioned<ClaimDocument>): Promise<void> {
    // Someone moving the claim on at the same moment (for example marking it paid) is a conflict: re-read and try again.
    await retryOnConflict(async (tryNumber) => {
      const claim = tryNumber === 1 ? first : await this.deps.claims.findClaim(first.id);
      if (!claim || !claimNeedsErasure(claim)) return;
      const { _etag, ...stored } = claim;
      await this.deps.claims.replaceClaim(erasedClaim(stored), _etag);
    });
  }

  /**
   * The approval card in the IEV channel shows the partner's name as it was posted; the outbox
   * updates it in place from the erased claim. The stable id makes a repeated erasure owe it once.
   */
  private async refreshApprovalCard(claim: ClaimDocument, now: Date): Promise<void> {
    if (!claim.approvalCard) return;
    await this.deps.outbox.enqueue(
      {
        id: `${claim.id}:erasure:iev-channel`,
        topic: 'claim',
        target: 'iev-channel',
        subjectId: claim.id,
        seq: claim.history.length - 1,
      },
      now,
    );
  }

  /** Returns the erasure that stands: ours, or one that another request saved at the same moment. */
  private async erasePartner(
    first: Versioned<Partner>,
    record: ErasureRecord,
    alsoChange: (partner: Partner) => Partner,
  ): Promise<ErasureRecord> {
    // A session counted, a status changed or another erasure winning at the same moment is a conflict: look again.
    return retryOnConflict(async (tryNumber) => {
      const partner = tryNumber === 1 ? first : await this.deps.partners.find(first.id);
      if (!partner) throw new NotFoundError(NOT_FOUND);
      if (partner.erasure) return partner.erasure;
      const { _etag, ...stored } = partner;
      await this.deps.partners.replace(erasedPartner(alsoChange(stored), record), _etag);
      return record;
    });
  }

  // One erasure event per partner: a retried erasure whose audit write failed the first time writes it now,
  // and a repeated or concurrent one finds it already there.
  private async auditErasureOnce(actor: Actor, id: string, now: Date): Promise<void> {
    await this.deps.audit.record(
      { subjectId: id, actorId: actor.id, actorName: actor.displayName, action: 'erased', fields: [] },
      now,
      `${id}:erased`,
    );
  }
}

function assertIev(actor: Actor, message: string): void {
  if (!isIevMember(actor)) throw new ForbiddenError(message);
}

function involvementOf(plan: WorkRecord, partnerId: string): PartnerDataExport['involvement'][number] {
  const attended = plan.sessions.filter((session) => session.partnerIds.includes(partnerId));
  return {
    planId: plan.id,
    title: plan.title,
    phase: plan.phase,
    hostName: plan.hostName,
    serviceArea: plan.serviceArea,
    sessionsAttended: attended.map((session) => ({
      date: session.date,
      format: session.format,
      minutes: session.durationMinutes,
    })),
  };
}

function exportedClaim(claim: Versioned<ClaimDocument>): ExportedClaim {
  const { _etag, receipts, approvalCard: _approvalCard, history, ...rest } = claim;
  return {
    ...rest,
    receipts: receipts.map(({ fileName, addedAt }) => ({ fileName, addedAt })),
    history: history.map(({ status, at, byName, note }) => ({ status, at, by: byName, note })),
  };
}
