import { z } from 'zod';
import { schemaProblems } from '../schema-problems.js';
import { retryOnConflict } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../errors.js';
import type { OutboxRepository } from '../notifications/ports.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { ConversationAddress } from '../people/ports.js';
import type { Page, Versioned } from '../ports.js';
import { planToRead, type PlanToRead } from './plan-answers.js';
import type { PlanRepository } from './ports.js';
import type { PlanService } from './plan-service.js';
import {
  HOST_IS_TOLD_OF_SUPPORT,
  SUPPORT_KINDS,
  type SupportEvent,
  type SupportKind,
  type SupportRequest,
  type SupportStatus,
} from './support-request.js';

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

export const supportNoteSchema = z.object({
  note: z
    .string('Type the note as text.')
    .trim()
    .min(1, 'Type a note first.')
    .max(1000, 'Keep the note to 1,000 characters or fewer.'),
});

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

type Target = 'iev-channel' | 'host';

/**
 * "New Works" requests: a host asks the IEV team for help; IEV takes it on or gives it to a named
 * colleague, keeps notes and marks it done. The channel card and the host's messages are owed to the
 * outbox before each change is written, and delivered from the record, so each is sent exactly once.
 */
export class SupportService {
  private readonly store: PlanRepository;
  private readonly plans: PlanService;

  constructor(private readonly options: SupportServiceOptions) {
    this.store = options.store;
    this.plans = options.plans;
  }

  /** Saves the request (once per card: the card's operation id is the request id) and owes its channel post. */
  async request(
    actor: Actor,
    planId: string,
    op: string,
    submitted: Readonly<Record<string, unknown>>,
  ): Promise<{ request: Versioned<SupportRequest>; created: boolean }> {
    const plan = await this.plans.open(actor, planId);
    const parsed = requestSchema.safeParse(submitted);
    if (!parsed.success) {
      const problems: FieldProblem[] = schemaProblems(parsed.error).map((problem) => ({
        ...problem,
        field: problem.field.split('.')[0] ?? 'form',
      }));
      throw new ValidationError('Please check the answers marked below.', problems);
    }
    const at = this.now().toISOString();
    const candidate: SupportRequest = {
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
      events: [{ kind: 'requested', at, byId: actor.id, byName: actor.displayName }],
      createdAt: at,
    };
    // Owed before it is saved: a request saved without its post cannot happen, and a retry owes it once.
    await this.owe(candidate, 0, ['iev-channel']);
    const { document, created } = await this.store.createSupportRequest(candidate);
    await this.options.deliverNow(messageId(document, 0, 'iev-channel'));
    return { request: (await this.store.findSupportRequest(document.hostId, document.id)) ?? document, created };
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
    const outcome = await this.change(actor, hostId, requestId, (request) =>
      request.status === 'open' ? { kind: 'assigned', to: { id: actor.id, name: actor.displayName } } : undefined,
    );
    return { request: outcome.request, tookIt: outcome.changed };
  }

  /** IEV gives the request to a named colleague in the IEV team (or to someone else, if it was taken). */
  async assign(
    actor: Actor,
    hostId: string,
    requestId: string,
    assigneeId: string,
  ): Promise<Versioned<SupportRequest>> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can assign support requests.');
    const colleague = (await this.options.ievColleagues()).find((member) => member.id === assigneeId);
    if (!colleague)
      throw new ValidationError('Choose a member of the IEV team.', [
        { field: 'assignee', message: 'Choose a member of the IEV team.' },
      ]);
    const { request } = await this.change(actor, hostId, requestId, (current) => {
      if (current.status === 'done') throw new ConflictError('This request is already done.');
      if (current.takenBy?.id === colleague.id) return undefined;
      return { kind: 'assigned', to: { id: colleague.id, name: colleague.displayName } };
    });
    return request;
  }

  /** An IEV working note on the request (shown to IEV in the channel and the tab, never to the host). */
  async note(actor: Actor, hostId: string, requestId: string, note: string): Promise<Versioned<SupportRequest>> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can add notes to support requests.');
    const parsed = supportNoteSchema.safeParse({ note });
    if (!parsed.success)
      throw new ValidationError('Check the note.', [
        { field: 'note', message: schemaProblems(parsed.error)[0]?.message ?? 'Check the note.' },
      ]);
    const text = parsed.data.note;
    const { request } = await this.change(actor, hostId, requestId, () => ({ kind: 'noted', note: text }));
    return request;
  }

  /** IEV marks the request done; the host is told. Marking it done again changes nothing. */
  async done(actor: Actor, hostId: string, requestId: string): Promise<Versioned<SupportRequest>> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can mark support requests done.');
    const { request } = await this.change(actor, hostId, requestId, (current) =>
      current.status === 'done' ? undefined : { kind: 'done' },
    );
    return request;
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

  /**
   * One change to a request, written once: `decide` reads the latest version and returns the event to add
   * (or nothing). The messages it owes are enqueued under the event's index before the write, then
   * delivered now, inside the press, so the channel card and the host are updated at once.
   */
  private async change(
    actor: Actor,
    hostId: string,
    requestId: string,
    decide: (request: Versioned<SupportRequest>) => Omit<SupportEvent, 'at' | 'byId' | 'byName'> | undefined,
  ): Promise<{ request: Versioned<SupportRequest>; changed: boolean }> {
    const outcome = await retryOnConflict(async () => {
      const request = await this.get(hostId, requestId);
      const event = decide(request);
      if (!event) return { request, changed: false, owed: [] as string[] };
      const at = this.now().toISOString();
      const events = request.events ?? [];
      const seq = events.length;
      const full: SupportEvent = { ...event, at, byId: actor.id, byName: actor.displayName };
      const { _etag, ...current } = request;
      const next: SupportRequest = {
        ...current,
        events: [...events, full],
        ...(event.kind === 'assigned' && event.to
          ? { status: 'taken', takenBy: { id: event.to.id, name: event.to.name, at } }
          : {}),
        ...(event.kind === 'done' ? { status: 'done' } : {}),
      };
      const targets: Target[] = HOST_IS_TOLD_OF_SUPPORT.includes(event.kind)
        ? ['iev-channel', 'host']
        : ['iev-channel'];
      await this.owe(next, seq, targets);
      const saved = await this.store.replaceSupportRequest(next, _etag);
      return { request: saved, changed: true, owed: targets.map((target) => messageId(saved, seq, target)) };
    });
    for (const id of outcome.owed) await this.options.deliverNow(id);
    return { request: outcome.request, changed: outcome.changed };
  }

  private async owe(request: SupportRequest, seq: number, targets: readonly Target[]): Promise<void> {
    const now = this.now();
    for (const target of targets)
      await this.options.outbox.enqueue(
        { id: messageId(request, seq, target), topic: 'support', target, subjectId: supportSubject(request), seq },
        now,
      );
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** The outbox's subject for a request: its host (the partition) and id, so delivery is a point read. */
export function supportSubject(request: Pick<SupportRequest, 'hostId' | 'id'>): string {
  return `${request.hostId}|${request.id}`;
}

export function parseSupportSubject(subjectId: string): { hostId: string; requestId: string } | undefined {
  const [hostId, requestId, ...rest] = subjectId.split('|');
  return hostId && requestId && rest.length === 0 ? { hostId, requestId } : undefined;
}

function messageId(request: Pick<SupportRequest, 'id'>, seq: number, target: Target): string {
  return `${request.id}:${seq}:${target}`;
}
