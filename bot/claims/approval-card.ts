import type { ClaimDocument } from '../../domain/claims/claim.js';
import { STATUS_LABELS, awaitingDecision } from '../../domain/claims/claim.js';
import { formatPounds } from '../../domain/claims/money.js';
import type { FieldProblem } from '../../domain/errors.js';
import {
  card,
  container,
  fieldError,
  facts,
  heading,
  openUrl,
  paragraph,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../cards/adaptive-card.js';
import { problemFor, textInput } from '../cards/inputs.js';
import { flagCount, formatDate, itemBlocks, itemTitle, statusLine, totalsFacts } from './claim-parts.js';
import { CLAIM_VERBS } from './claim-verbs.js';

export type ApprovalView =
  /** An IEV approver who may decide this claim: Approve, Reject (reason), Query (question). */
  | {
      readonly kind: 'approver';
      readonly problems?: readonly FieldProblem[];
      readonly values?: Readonly<Record<string, string>>;
    }
  /** Everyone else, and everyone once decided: the status only. */
  | { readonly kind: 'status'; readonly notice?: string };

/** Teams refreshes a card by itself for at most 60 listed people (and for everyone only in chats of 60 or fewer). */
export const AUTO_REFRESH_LIMIT = 60;

/**
 * The claim as the IEV channel sees it. Partner's name only: no contact details in a channel.
 * `refresh` makes Teams ask the bot for each viewer's own view, built from the database; the
 * "Show the latest" button does the same by hand (clients without automatic refresh).
 * `approverIds` (the IEV team's Entra object ids) become `refresh.userIds`: in a channel of more than 60
 * people Teams refreshes automatically only for those listed, so the approvers get their buttons unasked.
 */
export function approvalCard(
  claim: ClaimDocument,
  view: ApprovalView,
  claimUrl: string,
  approverIds: readonly string[] = [],
): AdaptiveCard {
  const decided = !awaitingDecision(claim.status);
  const body: CardElement[] = [
    heading(`Expense claim: ${claim.partnerName}`, 'Medium'),
    container([paragraph(`**${STATUS_LABELS[claim.status]}**`), paragraph(statusLine(claim))], {
      style: decided ? (claim.status === 'rejected' ? 'attention' : 'good') : 'emphasis',
      id: 'status',
    }),
    ...(view.kind === 'status' && view.notice ? [container([paragraph(view.notice)], { style: 'attention' })] : []),
    facts([
      ['Involvement work', claim.work.title],
      ['Host', claim.hostName],
      ['Policy checks', flagCount(claim) === 0 ? 'Nothing flagged' : `${flagCount(claim)} to look at`],
      ['Policy version', claim.policyVersion],
      ...(claim.payBy && claim.status !== 'paid' && claim.status !== 'rejected'
        ? ([['Target: paid by', formatDate(claim.payBy)]] as Array<[string, string]>)
        : []),
    ]),
    ...itemBlocks(claim),
    totalsFacts(claim),
    ...latestNote(claim),
  ];
  const refresh = CLAIM_VERBS.refresh.action('Show the latest', { claimId: claim.id });
  const actions: CardAction[] = view.kind === 'approver' && !decided ? approverActions(claim, view) : [refresh];
  actions.push(openUrl('Open claim and receipts', claimUrl));
  // No list at all rather than an empty one: without userIds Teams still refreshes for everyone in small chats.
  const userIds = autoRefreshFor(claim, approverIds);
  return card(body, actions, {
    refresh: { action: refresh, ...(userIds.length > 0 ? { userIds } : {}) },
    fallbackText: `Expense claim for ${claim.partnerName}: ${STATUS_LABELS[claim.status]}, total ${formatPounds(claim.totals.expensesPence + claim.totals.paymentsPence)}.`,
  });
}

/**
 * Teams user MRIs (8:orgid:<Entra object id>) of the approvers who may decide this claim: never its
 * host or partner, who only ever see the status. At most AUTO_REFRESH_LIMIT; the rest press "Show the latest".
 */
function autoRefreshFor(claim: ClaimDocument, approverIds: readonly string[]): string[] {
  return approverIds
    .filter((id) => id !== claim.hostId && id !== claim.partnerId)
    .slice(0, AUTO_REFRESH_LIMIT)
    .map((id) => `8:orgid:${id}`);
}

function approverActions(claim: ClaimDocument, view: Extract<ApprovalView, { kind: 'approver' }>): CardAction[] {
  const data = { claimId: claim.id };
  return [
    CLAIM_VERBS.approve.action('Approve', data, { style: 'positive' }),
    ...(claim.items.length > 1
      ? [
          {
            type: 'Action.ShowCard' as const,
            title: 'Approve some items',
            card: card(
              [
                paragraph('Give a reason for each item you do not approve; the others are approved.', {
                  subtle: true,
                }),
                ...partProblem(view.problems),
                ...claim.items.flatMap((item) =>
                  textInput(`reason-${item.id}`, `Not approved: ${itemTitle(item)} (leave empty to approve)`, {
                    maxLength: 500,
                    value: view.values?.[`reason-${item.id}`],
                    problems: view.problems,
                  }),
                ),
              ],
              [
                CLAIM_VERBS.approvePart.action('Approve the others', data, {
                  style: 'positive',
                  associatedInputs: 'auto',
                }),
              ],
            ),
          },
        ]
      : []),
    {
      type: 'Action.ShowCard',
      title: 'Reject',
      card: card(
        textInput('reason', 'Why is the claim rejected? The host will see this.', {
          multiline: true,
          required: true,
          errorMessage: 'Give a reason',
          maxLength: 500,
          value: view.values?.reason,
          problems: view.problems,
        }),
        [CLAIM_VERBS.reject.action('Reject claim', data, { style: 'destructive', associatedInputs: 'auto' })],
      ),
    },
    {
      type: 'Action.ShowCard',
      title: 'Query',
      card: card(
        textInput('question', 'Your question for the host', {
          multiline: true,
          required: true,
          errorMessage: 'Write your question',
          maxLength: 500,
          value: view.values?.question,
          problems: view.problems,
        }),
        [CLAIM_VERBS.query.action('Send question', data, { associatedInputs: 'auto' })],
      ),
    },
  ];
}

function latestNote(claim: ClaimDocument): CardElement[] {
  const last = claim.history.at(-1);
  if (
    !last?.note ||
    (last.status !== 'rejected' &&
      last.status !== 'queried' &&
      last.status !== 'resubmitted' &&
      last.status !== 'approved')
  )
    return [];
  const label = {
    rejected: 'Reason',
    queried: 'Question',
    resubmitted: 'Host\u2019s answer',
    approved: 'Partly approved',
  }[last.status];
  return [paragraph(`**${label}:** ${last.note}`)];
}

/** A problem with the choice of items as a whole (none chosen, or every one), above the reasons. */
function partProblem(problems: readonly FieldProblem[] | undefined): CardElement[] {
  const problem = problemFor(problems, 'rejectedItems');
  return problem ? [fieldError('rejectedItems', problem.message)] : [];
}
