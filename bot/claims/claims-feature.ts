import { claimListCard } from './claim-list-card.js';
import { claimStartCard } from './claim-start-card.js';
import { routesWith, type BotFeature } from '../feature.js';
import { CLAIM_VERBS } from './claim-verbs.js';
import type { ClaimsContext } from './claims-context.js';
import {
  approveClaim,
  approvePartOfClaim,
  queryClaim,
  refreshApprovalCard,
  rejectClaim,
} from './claim-decision-handlers.js';
import { addItem, recordPaymentChoice, removeItem, showClaimCard, showItemForm } from './claim-item-handlers.js';
import {
  askToDiscard,
  discardDraft,
  findPartner,
  showMyClaims,
  showStartCard,
  startDraft,
} from './start-claim-handlers.js';
import { reopenClaim, showSubmitForm, submitClaim } from './submit-claim-handlers.js';
import { receiptAttachments } from './receipt-attachments.js';

export type ClaimsFeatureOptions = ClaimsContext;

/**
 * Expense claims: the host builds and submits a claim in 1:1 chat; IEV approvers decide from the
 * approval card in their channel. Every handler re-reads the claim; card data is used only as ids.
 */
export function claimsFeature(options: ClaimsFeatureOptions): BotFeature {
  const { claims } = options;
  const on = routesWith(options);
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
      // Starting (and discarding) a draft.
      on(CLAIM_VERBS.start, showStartCard),
      on(CLAIM_VERBS.list, showMyClaims),
      on(CLAIM_VERBS.findPartner, findPartner),
      on(CLAIM_VERBS.create, startDraft),
      on(CLAIM_VERBS.discard, askToDiscard),
      on(CLAIM_VERBS.discardConfirmed, discardDraft),
      // Its items.
      on(CLAIM_VERBS.show, showClaimCard),
      on(CLAIM_VERBS.itemForm, showItemForm),
      on(CLAIM_VERBS.addItem, addItem),
      on(CLAIM_VERBS.removeItem, removeItem),
      on(CLAIM_VERBS.paymentChoice, recordPaymentChoice),
      // Sending it to the IEV team, and back again to correct.
      on(CLAIM_VERBS.submitForm, showSubmitForm),
      on(CLAIM_VERBS.submit, submitClaim),
      on(CLAIM_VERBS.reopen, reopenClaim),
      // The approval card in the IEV channel.
      on(CLAIM_VERBS.refresh, refreshApprovalCard),
      on(CLAIM_VERBS.approve, approveClaim),
      on(CLAIM_VERBS.approvePart, approvePartOfClaim),
      on(CLAIM_VERBS.reject, rejectClaim),
      on(CLAIM_VERBS.query, queryClaim),
    ],
    attachments: receiptAttachments({
      claims,
      claimUrl: options.claimUrl,
      allowLoopbackFiles: options.allowLoopbackFiles ?? false,
    }),
  };
}
