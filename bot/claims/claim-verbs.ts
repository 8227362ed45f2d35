import { z } from 'zod';
import type { ItemKind } from '../../domain/claims/claim.js';
import { cardVerb } from '../cards/card-verb.js';

const OUT_OF_DATE = 'That button is out of date. Type \u201cclaim expenses\u201d to start again.';
const ITEM_KINDS = [
  'mileage',
  'fare',
  'taxi',
  'parking',
  'care',
  'subsistence',
  'involvement-time',
] as const satisfies readonly ItemKind[];

/** Ids as claim buttons carry them; anything else is a damaged or forged card. */
const id = z.string({ error: OUT_OF_DATE }).min(1, OUT_OF_DATE).max(200, OUT_OF_DATE);
const kind = z.enum(ITEM_KINDS, { error: 'That button is out of date.' });
/** Whatever an input sent, if anything: inputs left empty may be missing altogether. */
const answer = z.unknown().optional();
/** A typed answer, cut to its input's limit; anything that is not text counts as not answered. */
const text = (max: number, options: { trim?: boolean } = {}) =>
  answer.transform((value) => (typeof value === 'string' ? (options.trim ? value.trim() : value).slice(0, max) : ''));
/** Toggles send "true"/"false" (or a boolean from some clients). */
const ticked = answer.transform((value) => value === 'true' || value === true);

const claimRef = z.object({ claimId: id });

/** Every button on the claim cards (1:1 chat) and the approval card (IEV channel), declared once. */
export const CLAIM_VERBS = {
  start: cardVerb('claim.start', z.object({})),
  list: cardVerb('claim.list', z.object({})),
  findPartner: cardVerb('claim.findPartner', z.object({}), z.object({ partnerSearch: text(80, { trim: true }) })),
  create: cardVerb(
    'claim.create',
    z.object({}),
    z.object({
      partnerId: text(Infinity),
      workTitle: text(Infinity, { trim: true }),
      planId: text(200),
      sessionId: text(200),
      partnerSearch: text(80),
    }),
  ),
  show: cardVerb('claim.show', claimRef),
  itemForm: cardVerb('claim.itemForm', claimRef, z.object({ kind })),
  addItem: cardVerb('claim.addItem', z.object({ claimId: id, kind })),
  removeItem: cardVerb('claim.removeItem', claimRef, z.object({ itemId: id })),
  paymentChoice: cardVerb(
    'claim.paymentChoice',
    claimRef,
    z.object({ paymentChoice: z.enum(['accept-payment', 'expenses-only', 'decline']).optional().catch(undefined) }),
  ),
  submitForm: cardVerb('claim.submitForm', claimRef),
  submit: cardVerb(
    'claim.submit',
    claimRef,
    z.object({
      partnerDeclaration: ticked,
      hostDeclaration: ticked,
      answer: answer.transform((value) => (typeof value === 'string' ? value.slice(0, 1000) : undefined)),
    }),
  ),
  /** A rejected claim, or the items not approved, taken back by the host to correct and send back. */
  reopen: cardVerb('claim.reopen', claimRef),
  /** Asking changes nothing; `discardConfirmed` deletes. */
  discard: cardVerb('claim.discard', claimRef),
  discardConfirmed: cardVerb('claim.discardConfirmed', claimRef),
  // The approval card.
  refresh: cardVerb('claim.refresh', claimRef),
  approve: cardVerb('claim.approve', claimRef),
  /** Partial approval: the inputs are `reason-<itemId>`, one per item; an item with a reason is not approved. */
  approvePart: cardVerb('claim.approvePart', claimRef),
  reject: cardVerb('claim.reject', claimRef, z.object({ reason: text(500) })),
  query: cardVerb('claim.query', claimRef, z.object({ question: text(500) })),
} as const;
