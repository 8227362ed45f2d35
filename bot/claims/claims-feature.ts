import { approvalCard } from './approval-card.js';
import { claimCard } from './claim-card.js';
import { claimDiscardCard, claimDiscardedCard } from './claim-discard-card.js';
import { claimItemFormCard } from './claim-item-form-card.js';
import { claimListCard } from './claim-list-card.js';
import { claimStartCard } from './claim-start-card.js';
import { claimSubmitCard } from './claim-submit-card.js';
import { statusLine } from './claim-parts.js';
import { mayDecide, type ClaimService, type Decision } from '../../domain/claims/claim-service.js';
import type { ItemRejection } from '../../domain/claims/claim.js';
import type { ReimbursementPolicy } from '../../domain/claims/policy.js';
import type { PartnerPicker } from '../../domain/register/partner-picker.js';
import { ForbiddenError, ValidationError, type FieldProblem } from '../../domain/errors.js';
import { isInChannel } from '../conversation-address.js';
import { on, type ActionResult, type BotFeature, type Turn } from '../feature.js';
import { keptValues } from '../cards/inputs.js';
import { CLAIM_INPUT_LIMITS, parseItem, problemsOf } from './claim-inputs.js';
import { CLAIM_VERBS } from './claim-verbs.js';
import { receiptAttachments } from './receipt-attachments.js';

export interface ClaimsFeatureOptions {
  readonly claims: ClaimService;
  /** Finding the partner a claim is for (the register's rule of who may search it). */
  readonly partners: PartnerPicker;
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
  const show = (
    claim: Parameters<typeof claimCard>[0],
    notice?: string,
    problems?: readonly FieldProblem[],
  ): ActionResult => ({
    card: claimCard(claim, {
      claimUrl: options.claimUrl(claim.id),
      ...(notice ? { notice } : {}),
      ...(problems ? { problems } : {}),
    }),
  });
  const operationId = (turn: Turn) => turn.context.activity.id ?? `${turn.actor.id}:${Date.now()}`;
  const statusFor = async (turn: Turn, claimId: string) =>
    claims.statusFor(turn.actor, claimId, {
      inIevChannel: isInChannel(turn.context.activity, await options.ievChannelId()),
    });

  return {
    name: 'claims',
    commands: [
      {
        command: 'claim expenses',
        description: 'Submit an Involvement Partner\u2019s expenses for approval',
        patterns: [
          /^(claim|expenses?|new claim|submit (a |an )?(expense )?claim)\b/i,
          /\bclaim (some |their )?expenses\b/i,
        ],
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
      on(CLAIM_VERBS.start, async () => ({ card: claimStartCard() })),
      on(CLAIM_VERBS.list, async (turn) => ({ card: claimListCard(await claims.myClaims(turn.actor)) })),
      // Asking changes nothing; the confirmation is offered only when the discard itself would be allowed.
      on(CLAIM_VERBS.discard, async (turn, { claimId }) => ({
        card: claimDiscardCard(await claims.draftToDiscard(turn.actor, claimId)),
      })),
      on(CLAIM_VERBS.discardConfirmed, async (turn, { claimId }) => {
        const { partnerName } = await claims.discardDraft(turn.actor, claimId, operationId(turn));
        return { card: claimDiscardedCard(partnerName) };
      }),
      on(CLAIM_VERBS.findPartner, async (turn, { partnerSearch: search }) => {
        if (search.length < 2)
          return {
            card: claimStartCard({
              search,
              problems: [{ field: 'partnerSearch', message: 'Type at least two letters of the partner\u2019s name' }],
            }),
          };
        const matches = await options.partners.search(turn.actor, search);
        return { card: claimStartCard({ search, matches, work: await claims.workChoices(turn.actor) }) };
      }),
      on(
        CLAIM_VERBS.create,
        async (turn, { partnerId, workTitle, planId, sessionId, partnerSearch: search }, inputs) => {
          const problems: FieldProblem[] = [];
          if (!partnerId) problems.push({ field: 'partnerId', message: 'Choose the partner' });
          const again = async (found: readonly FieldProblem[]) => ({
            card: claimStartCard({
              search,
              matches: search.length >= 2 ? await options.partners.search(turn.actor, search) : [],
              work: await claims.workChoices(turn.actor),
              values: keptValues(inputs, CLAIM_INPUT_LIMITS.start),
              problems: found,
            }),
          });
          if (problems.length > 0) return again(problems);
          try {
            // The work (a plan of the host's, a session of it, or "other" with a title) is checked by the domain.
            const claim = await claims.startDraft(turn.actor, {
              operationId: operationId(turn),
              partnerId,
              workTitle,
              planId: planId || undefined,
              sessionId: sessionId || undefined,
            });
            return show(claim);
          } catch (error) {
            if (error instanceof ValidationError) return again(problemsOf(error));
            throw error;
          }
        },
      ),
      on(CLAIM_VERBS.show, async (turn, { claimId }) => show(await claims.view(turn.actor, claimId))),
      on(CLAIM_VERBS.itemForm, async (turn, { claimId, kind }) => {
        const claim = await claims.view(turn.actor, claimId);
        // Most claims are for something recent: start from today's date.
        return {
          card: claimItemFormCard(claim.id, kind, options.policy(), {
            values: { date: new Date().toISOString().slice(0, 10) },
          }),
        };
      }),
      on(CLAIM_VERBS.addItem, async (turn, { claimId, kind }, inputs) => {
        const parsed = parseItem(kind, inputs);
        if (!parsed.ok)
          return {
            card: claimItemFormCard(claimId, kind, options.policy(), {
              values: keptValues(inputs, CLAIM_INPUT_LIMITS.item),
              problems: parsed.problems,
            }),
          };
        const claim = await claims.addItem(turn.actor, claimId, parsed.value, operationId(turn));
        const added = claim.items.at(-1);
        return show(claim, added ? `Added. ${added.explanation}` : undefined);
      }),
      on(CLAIM_VERBS.removeItem, async (turn, { claimId, itemId }) =>
        show(await claims.removeItem(turn.actor, claimId, itemId), 'Item removed.'),
      ),
      on(CLAIM_VERBS.paymentChoice, async (turn, { claimId, paymentChoice }) => {
        if (!paymentChoice)
          return show(await claims.view(turn.actor, claimId), undefined, [
            { field: 'paymentChoice', message: 'Choose one of the options' },
          ]);
        return show(
          await claims.recordPaymentChoice(turn.actor, claimId, paymentChoice),
          'The partner\u2019s choice is recorded on the register, with today\u2019s date.',
        );
      }),
      on(CLAIM_VERBS.reopen, async (turn, { claimId }) =>
        show(
          await claims.reopen(turn.actor, claimId, operationId(turn)),
          'Reopened. Correct the items (remove one, add it again, send a receipt), then send the claim back.',
        ),
      ),
      on(CLAIM_VERBS.submitForm, async (turn, { claimId }) => ({
        card: claimSubmitCard(await claims.view(turn.actor, claimId)),
      })),
      on(CLAIM_VERBS.submit, async (turn, { claimId, partnerDeclaration, hostDeclaration, answer }, inputs) => {
        try {
          const claim = await claims.submit(turn.actor, claimId, {
            operationId: operationId(turn),
            partnerDeclaration,
            hostDeclaration,
            answer,
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
          return {
            card: claimSubmitCard(await claims.view(turn.actor, claimId), {
              problems: problemsOf(error),
              values: keptValues(inputs, CLAIM_INPUT_LIMITS.submit),
            }),
          };
        }
      }),
      // The approval card in the IEV channel.
      on(CLAIM_VERBS.refresh, async (turn, { claimId }) => {
        const claim = await statusFor(turn, claimId);
        return {
          card: approvalCard(
            claim,
            mayDecide(turn.actor, claim) ? { kind: 'approver' } : { kind: 'status' },
            options.claimUrl(claim.id),
            await options.approverIds(),
          ),
        };
      }),
      on(CLAIM_VERBS.approve, (turn, { claimId }, inputs) => decide(turn, claimId, inputs, { outcome: 'approve' })),
      on(CLAIM_VERBS.approvePart, (turn, { claimId }, inputs) =>
        decide(turn, claimId, inputs, { outcome: 'approve', rejectedItems: reasonsByItem(inputs) }),
      ),
      on(CLAIM_VERBS.reject, (turn, { claimId, reason }, inputs) =>
        decide(turn, claimId, inputs, { outcome: 'reject', reason }),
      ),
      on(CLAIM_VERBS.query, (turn, { claimId, question }, inputs) =>
        decide(turn, claimId, inputs, { outcome: 'query', question }),
      ),
    ],
    attachments: receiptAttachments({
      claims,
      claimUrl: options.claimUrl,
      allowLoopbackFiles: options.allowLoopbackFiles ?? false,
    }),
  };

  async function decide(
    turn: Turn,
    claimId: string,
    inputs: Readonly<Record<string, unknown>>,
    decision: Decision,
  ): Promise<ActionResult> {
    const url = options.claimUrl(claimId);
    const approvers = await options.approverIds();
    try {
      const { claim, applied } = await claims.decide(turn.actor, claimId, decision, operationId(turn));
      // The card in the channel is updated for everyone by the claim's outbox (its one owner, delivered during the press).
      if (applied) return { card: approvalCard(claim, { kind: 'status' }, url, approvers) };
      return {
        card: approvalCard(claim, { kind: 'status', notice: `Already decided. ${statusLine(claim)}.` }, url, approvers),
      };
    } catch (error) {
      // Refused: the presser sees why, on the card as it really is; nothing was changed.
      if (error instanceof ForbiddenError)
        return {
          card: approvalCard(
            await statusFor(turn, claimId),
            { kind: 'status', notice: error.userMessage },
            url,
            approvers,
          ),
        };
      if (error instanceof ValidationError)
        return {
          card: approvalCard(
            await statusFor(turn, claimId),
            {
              kind: 'approver',
              problems: problemsOf(error),
              // The item reasons of "Approve some items" too: one input per item of this claim.
              values: keptValues(inputs, {
                ...CLAIM_INPUT_LIMITS.approver,
                ...Object.fromEntries(
                  (decision.outcome === 'approve' ? (decision.rejectedItems ?? []) : []).map((item) => [
                    `reason-${item.itemId}`,
                    500,
                  ]),
                ),
              }),
            },
            url,
            approvers,
          ),
        };
      throw error;
    }
  }
}

/** The "Approve some items" inputs: `reason-<itemId>` with text means that item is not approved, for that reason. */
function reasonsByItem(inputs: Readonly<Record<string, unknown>>): ItemRejection[] {
  return Object.entries(inputs).flatMap(([key, value]) =>
    key.startsWith('reason-') && typeof value === 'string' && value.trim()
      ? [{ itemId: key.slice('reason-'.length), reason: value.slice(0, 600) }]
      : [],
  );
}
