import { ForbiddenError, NotFoundError } from '../errors.js';
import type { OutboxRepository } from '../notifications/ports.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { ConversationAddress } from '../people/ports.js';
import type { Page, Versioned } from '../ports.js';
import { retryOnConflict } from '../concurrency.js';
import { askForSupport, type AskForSupportPorts } from './ask-for-support.js';
import { markSupportRequestDone } from './mark-support-request-done.js';
import { noteSupportRequest } from './note-support-request.js';
import { planToRead, type PlanToRead } from './plan-answers.js';
import type { PlanRepository } from './ports.js';
import type { PlanService } from './plan-service.js';
import { findSupportRequest, messageId } from './support-records.js';
import type { SupportRequest, SupportStatus } from './support-request.js';
import { assignSupportRequest, takeSupportRequest } from './take-support-request.js';

export { parseSupportSubject } from './support-records.js';

export interface SupportServiceOptions {
  readonly store: PlanRepository;
  readonly plans: PlanService;
  /** Where the channel card and the host's messages are owed (topic `support`), exactly once each. */
  readonly outbox: Pick<OutboxRepository, 'enqueue'>;
  /** Delivers an owed message inside this request (the outbox's `deliverNow`); never throws. */
  readonly deliverNow: (messageId: string) => Promise<void>;
  /** The IEV team's members as the directory has them now: whom a request may be given to. */
  readonly ievColleagues: () => Promise<ReadonlyArray<{ readonly id: string; readonly displayName: string }>>;
  readonly now?: () => Date;
}

/**
 * "New Works" requests: a host asks the IEV team for help; IEV takes it on or gives it to a named
 * colleague, keeps notes and marks it done. The channel card and the host's messages are owed to the
 * outbox before each change is written, and delivered from the record, so each is sent exactly once.
 * Each change is its own use case (ask-for-support, take-support-request, note-support-request,
 * mark-support-request-done); this class hands them their ports and keeps the reads.
 */
export class SupportService {
  private readonly store: PlanRepository;
  private readonly ports: AskForSupportPorts & Pick<SupportServiceOptions, 'ievColleagues'>;

  constructor(private readonly options: SupportServiceOptions) {
    this.store = options.store;
    this.ports = {
      store: options.store,
      outbox: options.outbox,
      deliverNow: options.deliverNow,
      ievColleagues: options.ievColleagues,
      now: () => options.now?.() ?? new Date(),
      openPlan: (actor, planId) => options.plans.open(actor, planId),
    };
  }

  /** Saves the request (once per card: the card's operation id is the request id) and owes its channel post. */
  async request(
    actor: Actor,
    planId: string,
    op: string,
    submitted: Readonly<Record<string, unknown>>,
  ): Promise<{ request: Versioned<SupportRequest>; created: boolean }> {
    return askForSupport(this.ports, actor, planId, op, submitted);
  }

  /** Remembers where the card was posted, so later changes update it for everyone. */
  async recordPost(
    request: Versioned<SupportRequest>,
    address: ConversationAddress,
    activityId: string,
  ): Promise<Versioned<SupportRequest>> {
    // Taken in the moment between posting and recording is a conflict: keep the owner, add the post.
    return retryOnConflict(async (tryNumber) => {
      const { _etag, ...current } = tryNumber === 1 ? request : await this.get(request.hostId, request.id);
      return this.store.replaceSupportRequest({ ...current, channelPost: { address, activityId } }, _etag);
    });
  }

  /** Anyone may see a request's status on the channel card; reading it needs the host id the card carries. */
  async get(hostId: string, requestId: string): Promise<Versioned<SupportRequest>> {
    return findSupportRequest(this.store, hostId, requestId);
  }

  /**
   * The request card's view: for everyone in the IEV channel (where the card is posted), the host who
   * asked and IEV members. Ids replayed from a card anywhere else show nothing.
   */
  async view(
    actor: Actor,
    hostId: string,
    requestId: string,
    where: { readonly inIevChannel: boolean },
  ): Promise<Versioned<SupportRequest>> {
    const request = await this.store.findSupportRequest(hostId, requestId);
    if (!request || !(where.inIevChannel || request.hostId === actor.id || isIevMember(actor)))
      throw new NotFoundError('We couldn\u2019t find that support request, or it is not yours to see.');
    return request;
  }

  /** An IEV member takes the request on; of two simultaneous presses one wins and the other sees who did. */
  async take(
    actor: Actor,
    hostId: string,
    requestId: string,
  ): Promise<{ request: Versioned<SupportRequest>; tookIt: boolean }> {
    return takeSupportRequest(this.ports, actor, { hostId, requestId });
  }

  /** IEV gives the request to a named colleague in the IEV team (or to someone else, if it was taken). */
  async assign(
    actor: Actor,
    hostId: string,
    requestId: string,
    assigneeId: string,
  ): Promise<Versioned<SupportRequest>> {
    return assignSupportRequest(this.ports, actor, { hostId, requestId }, assigneeId);
  }

  /** An IEV working note on the request (shown to IEV in the channel and the tab, never to the host). */
  async note(actor: Actor, hostId: string, requestId: string, note: string): Promise<Versioned<SupportRequest>> {
    return noteSupportRequest(this.ports, actor, { hostId, requestId }, note);
  }

  /** IEV marks the request done; the host is told. Marking it done again changes nothing. */
  async done(actor: Actor, hostId: string, requestId: string): Promise<Versioned<SupportRequest>> {
    return markSupportRequestDone(this.ports, actor, { hostId, requestId });
  }

  /** The IEV team's list: requests in the chosen states, newest first, a page at a time. */
  async list(
    actor: Actor,
    statuses: readonly SupportStatus[],
    continuation?: string,
  ): Promise<Page<Versioned<SupportRequest>>> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can see everyone\u2019s support requests.');
    return this.store.supportRequestsIn(statuses, 25, continuation);
  }

  /** IEV opens the plan behind a request, read-only (the host's own plan, found through the request). */
  async planBehind(actor: Actor, hostId: string, requestId: string): Promise<PlanToRead> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can open the plan behind a request.');
    const request = await this.get(hostId, requestId);
    const plan = await this.store.findPlan(request.hostId, request.planId);
    if (!plan) throw new NotFoundError('The plan behind this request is no longer there.');
    return planToRead(plan);
  }

  /**
   * Requests saved while there was no IEV channel: their first message waits in the outbox. Once the channel
   * is set up, this delivers them at once rather than at the outbox's next try.
   */
  async postWaiting(): Promise<number> {
    const page = await this.store.supportRequestsIn(['open', 'taken'], 50);
    const waiting = page.items.filter((request) => !request.channelPost);
    for (const request of waiting) await this.options.deliverNow(messageId(request, 0, 'iev-channel'));
    return waiting.length;
  }

  /** The host's requests about one of their plans, so the plan shows who from IEV is helping. */
  async requestsFor(plan: { readonly hostId: string; readonly id: string }): Promise<SupportRequest[]> {
    return this.store.supportRequestsFor(plan.hostId, plan.id);
  }

  async openRequests(actor: Actor): Promise<SupportRequest[]> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can see everyone\u2019s support requests.');
    return this.store.openSupportRequests();
  }
}
