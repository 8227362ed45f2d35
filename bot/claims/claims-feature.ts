import { approvalCard, APPROVAL_VERBS } from './approval-card.js';
import { claimCard } from './claim-card.js';
import { claimDiscardCard, claimDiscardedCard, DISCARD_VERBS } from './claim-discard-card.js';
import { claimItemFormCard } from './claim-item-form-card.js';
import { claimListCard } from './claim-list-card.js';
import { claimStartCard } from './claim-start-card.js';
import { claimSubmitCard } from './claim-submit-card.js';
import { statusLine } from './claim-parts.js';
import { mayDecide, type ClaimService, type Decision } from '../../domain/claims/claim-service.js';
import type { ReimbursementPolicy } from '../../domain/claims/policy.js';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import type { ReceiptStore } from '../../storage/receipt-store.js';
import { isInChannel } from '../conversation-address.js';
import type { ActionResult, BotFeature, Turn } from '../feature.js';
import { idFrom, itemKindOf, keptValues, parseItem, problemsOf } from './claim-inputs.js';
import { receiptAttachments } from './receipt-attachments.js';

export interface ClaimsFeatureOptions {
  readonly claims: ClaimService;
  readonly receipts: ReceiptStore;
  readonly policy: () => ReimbursementPolicy;
  readonly claimUrl: (claimId: string) => string;
  /** Whether an IEV channel has been set up, so the host can be told honestly where the claim went. */
  readonly ievChannelReady?: () => Promise<boolean>;
  /** The IEV channel's conversation id, if set up: approval cards show their status to everyone there, and only there. */
  readonly ievChannelId: () => Promise<string | undefined>;
  /** The IEV approvers' ids, listed on approval cards so Teams refreshes their view by itself. */
  readonly approverIds: () => Promise<readonly string[]>;
  /** Local mode only: receipts may be fetched from loopback (the Agents Playground and tests serve files there). */
  readonly allowLoopbackFiles?: boolean;
}

/**
 * Expense claims: the host builds and submits a claim in 1:1 chat; IEV approvers decide from the
 * approval card in their channel. Every handler re-reads the claim; card data is used only as ids.
 */
export function claimsFeature(options: ClaimsFeatureOptions): BotFeature {
  const { claims } = options;
  const show = (claim: Parameters<typeof claimCard>[0], notice?: string, errors?: Record<string, string>): ActionResult => ({
    card: claimCard(claim, { claimUrl: options.claimUrl(claim.id), ...(notice ? { notice } : {}), ...(errors ? { errors } : {}) }),
  });
  const operationId = (turn: Turn) => turn.context.activity.id ?? `${turn.actor.id}:${Date.now()}`;
  const statusFor = async (turn: Turn, claimId: string) => claims.statusFor(turn.actor, claimId, { inIevChannel: isInChannel(turn.context.activity, await options.ievChannelId()) });

  return {
    name: 'claims',
    commands: [
      {
        command: 'claim expenses',
        description: 'Submit an Involvement Partner\u2019s expenses for approval',
        patterns: [/^(claim|expenses?|new claim|submit (a |an )?(expense )?claim)\b/i, /\bclaim (some |their )?expenses\b/i],
        scopes: ['personal'],
        handle: async (turn) => {
          await turn.sendCard(claimStartCard());
        },
      },
      {
        command: 'my claims',
        description: 'See the expense claims you have submitted and where they are',
        patterns: [/^(my|show( me)?( my)?) (expense )?claims\b/i],
        scopes: ['personal'],
        handle: async (turn) => {
          await turn.sendCard(claimListCard(await claims.myClaims(turn.actor)));
        },
      },
    ],
    actions: [
      { verb: 'claim.start', handle: async () => ({ card: claimStartCard() }) },
      { verb: 'claim.list', handle: async (turn) => ({ card: claimListCard(await claims.myClaims(turn.actor)) }) },
      // Asking changes nothing; the confirmation is offered only when the discard itself would be allowed.
      { verb: DISCARD_VERBS.ask, handle: async (turn, data) => ({ card: claimDiscardCard(await claims.draftToDiscard(turn.actor, idFrom(data, 'claimId'))) }) },
      {
        verb: DISCARD_VERBS.confirm,
        handle: async (turn, data) => {
          const { partnerName } = await claims.discardDraft(turn.actor, idFrom(data, 'claimId'), operationId(turn));
          return { card: claimDiscardedCard(partnerName) };
        },
      },
      {
        verb: 'claim.findPartner',
        handle: async (_turn, data) => {
          const search = typeof data.partnerSearch === 'string' ? data.partnerSearch.trim().slice(0, 80) : '';
          if (search.length < 2) return { card: claimStartCard({ search, errors: { partnerSearch: 'Type at least two letters of the partner\u2019s name' } }) };
          const matches = await claims.partnersToClaimFor(search);
          return { card: claimStartCard({ search, matches }) };
        },
      },
      {
        verb: 'claim.create',
        handle: async (turn, data) => {
          const partnerId = typeof data.partnerId === 'string' ? data.partnerId : '';
          const workTitle = typeof data.workTitle === 'string' ? data.workTitle.trim() : '';
          const errors: Record<string, string> = {};
          if (!partnerId) errors.partnerId = 'Choose the partner';
          if (!workTitle) errors.workTitle = 'Say which work or session the claim is for';
          if (workTitle.length > 150) errors.workTitle = 'Keep this under 150 characters';
          const search = typeof data.partnerSearch === 'string' ? data.partnerSearch.slice(0, 80) : '';
          const again = async (problems: Record<string, string>) => ({ card: claimStartCard({ search, matches: search.length >= 2 ? await claims.partnersToClaimFor(search) : [], values: keptValues(data), errors: problems }) });
          if (Object.keys(errors).length > 0) return again(errors);
          try {
            const claim = await claims.startDraft(turn.actor, { operationId: operationId(turn), partnerId, workTitle });
            return show(claim);
          } catch (error) {
            if (error instanceof ValidationError) return again(problemsOf(error));
            throw error;
          }
        },
      },
      {
        verb: 'claim.show',
        handle: async (turn, data) => show(await claims.view(turn.actor, idFrom(data, 'claimId'))),
      },
      {
        verb: 'claim.itemForm',
        handle: async (turn, data) => {
          const claim = await claims.view(turn.actor, idFrom(data, 'claimId'));
          const kind = itemKindOf(data.kind);
          if (!kind) throw new ValidationError('That button is out of date.');
          // Most claims are for something recent: start from today's date.
          return { card: claimItemFormCard(claim.id, kind, options.policy(), { values: { date: new Date().toISOString().slice(0, 10) } }) };
        },
      },
      {
        verb: 'claim.addItem',
        handle: async (turn, data) => {
          const claimId = idFrom(data, 'claimId');
          const kind = itemKindOf(data.kind);
          if (!kind) throw new ValidationError('That button is out of date.');
          const parsed = parseItem(kind, data);
          if (!parsed.ok) return { card: claimItemFormCard(claimId, kind, options.policy(), { values: keptValues(data), errors: parsed.errors }) };
          const claim = await claims.addItem(turn.actor, claimId, parsed.value, operationId(turn));
          const added = claim.items.at(-1);
          return show(claim, added ? `Added. ${added.explanation}` : undefined);
        },
      },
      {
        verb: 'claim.removeItem',
        handle: async (turn, data) => show(await claims.removeItem(turn.actor, idFrom(data, 'claimId'), idFrom(data, 'itemId')), 'Item removed.'),
      },
      {
        verb: 'claim.paymentChoice',
        handle: async (turn, data) => {
          const claimId = idFrom(data, 'claimId');
          const choice = data.paymentChoice;
          if (choice !== 'accept-payment' && choice !== 'expenses-only' && choice !== 'decline') {
            return show(await claims.view(turn.actor, claimId), undefined, { paymentChoice: 'Choose one of the options' });
          }
          return show(await claims.recordPaymentChoice(turn.actor, claimId, choice), 'The partner\u2019s choice is recorded on the register, with today\u2019s date.');
        },
      },
      {
        verb: 'claim.submitForm',
        handle: async (turn, data) => ({ card: claimSubmitCard(await claims.view(turn.actor, idFrom(data, 'claimId'))) }),
      },
      {
        verb: 'claim.submit',
        handle: async (turn, data) => {
          const claimId = idFrom(data, 'claimId');
          try {
            const claim = await claims.submit(turn.actor, claimId, {
              operationId: operationId(turn),
              partnerDeclaration: data.partnerDeclaration === 'true' || data.partnerDeclaration === true,
              hostDeclaration: data.hostDeclaration === 'true' || data.hostDeclaration === true,
              answer: typeof data.answer === 'string' ? data.answer.slice(0, 1000) : undefined,
            });
            const ready = (await options.ievChannelReady?.()) ?? true;
            return show(
              claim,
              ready
                ? 'Sent to the IEV team. I\u2019ll message you here when they have decided.'
                : 'Saved and submitted. The IEV team has not set up their channel in Teams yet, so I will post it there as soon as they do. I\u2019ll message you here when they have decided.',
            );
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            return { card: claimSubmitCard(await claims.view(turn.actor, claimId), { errors: problemsOf(error), values: keptValues(data) }) };
          }
        },
      },
      // The approval card in the IEV channel.
      {
        verb: APPROVAL_VERBS.refresh,
        handle: async (turn, data) => {
          const claim = await statusFor(turn, idFrom(data, 'claimId'));
          return { card: approvalCard(claim, mayDecide(turn.actor, claim) ? { kind: 'approver' } : { kind: 'status' }, options.claimUrl(claim.id), await options.approverIds()) };
        },
      },
      { verb: APPROVAL_VERBS.approve, handle: (turn, data) => decide(turn, data, { outcome: 'approve' }) },
      { verb: APPROVAL_VERBS.reject, handle: (turn, data) => decide(turn, data, { outcome: 'reject', reason: typeof data.reason === 'string' ? data.reason.slice(0, 500) : '' }) },
      { verb: APPROVAL_VERBS.query, handle: (turn, data) => decide(turn, data, { outcome: 'query', question: typeof data.question === 'string' ? data.question.slice(0, 500) : '' }) },
    ],
    attachments: receiptAttachments({ claims, receipts: options.receipts, claimUrl: options.claimUrl, allowLoopbackFiles: options.allowLoopbackFiles ?? false }),
  };

  async function decide(turn: Turn, data: Readonly<Record<string, unknown>>, decision: Decision): Promise<ActionResult> {
    const claimId = idFrom(data, 'claimId');
    const url = options.claimUrl(claimId);
    const approvers = await options.approverIds();
    try {
      const { claim, applied } = await claims.decide(turn.actor, claimId, decision, operationId(turn));
      // The card in the channel is updated for everyone by the claim's outbox (its one owner, delivered during the press).
      if (applied) return { card: approvalCard(claim, { kind: 'status' }, url, approvers) };
      return { card: approvalCard(claim, { kind: 'status', notice: `Already decided. ${statusLine(claim)}.` }, url, approvers) };
    } catch (error) {
      // Refused: the presser sees why, on the card as it really is; nothing was changed.
      if (error instanceof ForbiddenError) return { card: approvalCard(await statusFor(turn, claimId), { kind: 'status', notice: error.userMessage }, url, approvers) };
      if (error instanceof ValidationError) return { card: approvalCard(await statusFor(turn, claimId), { kind: 'approver', errors: problemsOf(error), values: keptValues(data) }, url, approvers) };
      throw error;
    }
  }
}
