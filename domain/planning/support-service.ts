import { z } from 'zod';
import { retryOnConflict } from '../concurrency.js';
import { ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { ConversationAddress } from '../people/ports.js';
import type { Versioned } from '../ports.js';
import type { PlanRepository } from './ports.js';
import type { PlanService } from './plan-service.js';
import { SUPPORT_KINDS, type SupportKind, type SupportRequest } from './support-request.js';

const KIND_VALUES = SUPPORT_KINDS.map((kind) => kind.value) as [SupportKind, ...SupportKind[]];

const requestSchema = z.object({
  kinds: z.preprocess(
    (value) =>
      value === undefined || value === null || value === ''
        ? []
        : typeof value === 'string'
          ? value
              .split(',')
              .map((item) => item.trim())
              .filter(Boolean)
          : value,
    z
      .array(z.enum(KIND_VALUES, { error: 'Please choose from the options shown.' }), {
        error: 'Please choose from the options shown.',
      })
      .max(KIND_VALUES.length, { error: 'Please choose from the options shown.' })
      .min(1, { error: 'Please choose what you would like help with.' })
      .transform((kinds) => [...new Set(kinds)]),
  ),
  description: z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z
      .string({ error: 'Please type your answer as text.' })
      .transform((text) => text.trim())
      .pipe(
        z
          .string()
          .min(1, { error: 'Please describe what you are planning and what help would be useful.' })
          .max(2000, { error: 'Please keep this to 2,000 characters or fewer.' }),
      ),
  ),
});

/** "New Works" requests: a host asks the IEV team for help; an IEV member takes it on. */
export class SupportService {
  constructor(
    private readonly store: PlanRepository,
    private readonly plans: PlanService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Saves the request (once per card: the card's operation id is the request id). */
  async request(
    actor: Actor,
    planId: string,
    op: string,
    submitted: Readonly<Record<string, unknown>>,
  ): Promise<{ request: Versioned<SupportRequest>; created: boolean }> {
    const plan = await this.plans.open(actor, planId);
    const parsed = requestSchema.safeParse(submitted);
    if (!parsed.success) {
      const problems: FieldProblem[] = parsed.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? 'form'),
        message: issue.message,
      }));
      throw new ValidationError('Please check the answers marked below.', problems);
    }
    const { document, created } = await this.store.createSupportRequest({
      id: `support-${op}`,
      type: 'support-request',
      schemaVersion: 1,
      hostId: actor.id,
      hostName: actor.displayName,
      planId: plan.id,
      planTitle: plan.title,
      kinds: parsed.data.kinds,
      description: parsed.data.description,
      status: 'open',
      createdAt: this.now().toISOString(),
    });
    return { request: document, created };
  }

  /** Remembers where the card was posted, so later changes can update it for everyone. */
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
    const request = await this.store.findSupportRequest(hostId, requestId);
    if (!request) throw new NotFoundError('We couldn\u2019t find that support request. It may have been removed.');
    return request;
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

  /**
   * An IEV member takes the request on. Exactly one person does: the write is conditional on the
   * version read, so of two simultaneous presses one wins and the other sees who did.
   */
  async take(
    actor: Actor,
    hostId: string,
    requestId: string,
  ): Promise<{ request: Versioned<SupportRequest>; tookIt: boolean }> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can take on support requests.');
    return retryOnConflict(async () => {
      const request = await this.get(hostId, requestId);
      if (request.status === 'taken') return { request, tookIt: false };
      const { _etag, ...current } = request;
      const saved = await this.store.replaceSupportRequest(
        {
          ...current,
          status: 'taken',
          takenBy: { id: actor.id, name: actor.displayName, at: this.now().toISOString() },
        },
        _etag,
      );
      return { request: saved, tookIt: true };
    });
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
