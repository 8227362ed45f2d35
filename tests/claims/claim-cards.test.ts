import assert from 'node:assert/strict';
import { approvalCard } from '../../bot/claims/approval-card.js';
import { claimCard } from '../../bot/claims/claim-card.js';
import { claimDiscardCard, claimDiscardedCard } from '../../bot/claims/claim-discard-card.js';
import { claimItemFormCard } from '../../bot/claims/claim-item-form-card.js';
import { claimListCard } from '../../bot/claims/claim-list-card.js';
import { claimOutcomeCard } from '../../bot/claims/claim-outcome-card.js';
import { claimStartCard } from '../../bot/claims/claim-start-card.js';
import { claimSubmitCard } from '../../bot/claims/claim-submit-card.js';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import type { ClaimDocument, ClaimStatus, ItemKind } from '../../domain/claims/claim.js';
import { loadPolicy } from '../../domain/claims/policy.js';
import { priceItems, totalsOf } from '../../domain/claims/pricing.js';
import { cardText, validateCard } from '../helpers/cards.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

const policy = loadPolicy();
const URL = 'https://hub.example.nhs.uk/tab/#/claims/claim-1';

function claim(status: ClaimStatus, extra: Partial<ClaimDocument> = {}): ClaimDocument {
  const items = priceItems(
    [
      {
        id: 'i1',
        input: {
          kind: 'mileage',
          date: '2026-01-10',
          vehicle: 'car',
          from: 'Mansfield',
          to: 'Nottingham',
          miles: 12,
          passengers: 1,
        },
      },
      { id: 'i2', input: { kind: 'involvement-time', date: '2026-01-10', levelId: 'attend', hours: 2 } },
      { id: 'i3', input: { kind: 'parking', date: '2026-01-10', description: 'Car park', amountPence: 350 } },
    ],
    {
      policy,
      today: '2026-01-12',
      priorCarTenthsByTaxYear: {},
      itemsWithReceipts: new Set(),
      paymentChoice: 'not-chosen',
    },
  );
  const at = '2026-01-12T10:00:00.000Z';
  return {
    id: 'claim-1',
    type: 'claim',
    schemaVersion: 1,
    status,
    hostId: 'host',
    hostName: 'Hana Host',
    partnerId: 'p1',
    partnerName: 'Ada Abbott',
    work: { title: 'Reading group' },
    items,
    receipts: [],
    totals: totalsOf(items),
    policyVersion: policy.version,
    createdAt: at,
    history: [
      { status: 'draft', at, byId: 'host', byName: 'Hana Host', operationId: 'a' },
      ...(status === 'draft' ? [] : [{ status, at, byId: 'iev', byName: 'Ivy IEV', note: 'A note', operationId: 'b' }]),
    ],
    ...(status === 'queried' ? { openQuery: { question: 'Was it a return trip?', byName: 'Ivy IEV', at } } : {}),
    ...extra,
  };
}

const KINDS: ItemKind[] = ['mileage', 'fare', 'taxi', 'parking', 'care', 'subsistence', 'involvement-time'];

const CARDS: Array<[string, AdaptiveCard]> = [
  ['start (search)', claimStartCard()],
  [
    'start (matches, with errors)',
    claimStartCard({
      search: 'ada',
      matches: [{ id: 'p1', displayName: 'Ada Abbott', areas: ['Mental health'] }],
      problems: [{ field: 'workTitle', message: 'Say what the claim is for' }],
    }),
  ],
  ['claim card (draft, payment choice needed)', claimCard(claim('draft'), { claimUrl: URL, notice: 'Added.' })],
  ['claim card (queried)', claimCard(claim('queried'), { claimUrl: URL })],
  ['claim card (approved)', claimCard(claim('approved'), { claimUrl: URL })],
  ...KINDS.map((kind): [string, AdaptiveCard] => [
    `item form: ${kind}`,
    claimItemFormCard('claim-1', kind, policy, { problems: [{ field: 'date', message: 'Enter a date' }] }),
  ]),
  ['submit (draft)', claimSubmitCard(claim('draft'))],
  [
    'submit (queried, with errors)',
    claimSubmitCard(claim('queried'), {
      problems: [
        { field: 'answer', message: 'Answer the question' },
        { field: 'partnerDeclaration', message: 'Confirm' },
      ],
    }),
  ],
  ['my claims (some)', claimListCard([claim('draft'), claim('queried'), claim('paid')])],
  ['my claims (none)', claimListCard([])],
  ['discard draft (confirm)', claimDiscardCard(claim('draft'))],
  ['draft discarded', claimDiscardedCard('Ada Abbott')],
  ['draft discarded (already gone)', claimDiscardedCard()],
  [
    'approval card (approver)',
    approvalCard(
      claim('submitted'),
      { kind: 'approver', problems: [{ field: 'reason', message: 'Give a reason' }] },
      URL,
    ),
  ],
  [
    'approval card (status)',
    approvalCard(claim('submitted'), { kind: 'status', notice: 'Only IEV approvers can decide.' }, URL),
  ],
  ['approval card (rejected)', approvalCard(claim('rejected'), { kind: 'status' }, URL)],
  ...(['approved', 'rejected', 'queried'] as const).map((status): [string, AdaptiveCard] => [
    `outcome: ${status}`,
    claimOutcomeCard(claim(status), claim(status).history.at(-1)!, URL)!,
  ]),
];

describe('claims: every card is valid for Teams', () => {
  for (const [name, card] of CARDS) {
    it(name, () => {
      assert.deepEqual(validateCard(card), []);
      assert.ok(JSON.stringify(card).length < 80_000);
    });
  }

  it('explains amounts and flags on the host\u2019s card, and asks for the partner\u2019s payment choice with benefits advice', () => {
    const text = cardText(claimCard(claim('draft'), { claimUrl: URL }));
    assert.match(text, /12 miles × 45p = £5\.40; 1 passenger × 12 miles × 5p = £0\.60; total £6\.00/);
    assert.match(text, /2 hours × £15\.00 an hour = £30\.00 \(taxable payment through payroll\)/);
    assert.match(text, /has not said whether they want involvement payments/);
    assert.match(text, /can affect benefits \(expenses do not\)/);
    assert.match(text, /Needs a receipt/);
  });

  it('shows approvers the decision buttons and no one else', () => {
    const approver = JSON.stringify(approvalCard(claim('submitted'), { kind: 'approver' }, URL));
    const status = JSON.stringify(approvalCard(claim('submitted'), { kind: 'status' }, URL));
    for (const verb of [CLAIM_VERBS.approve.verb, CLAIM_VERBS.reject.verb, CLAIM_VERBS.query.verb]) {
      assert.ok(approver.includes(`"verb":"${verb}"`));
      assert.ok(!status.includes(`"verb":"${verb}"`));
    }
    const decided = JSON.stringify(approvalCard(claim('approved'), { kind: 'approver' }, URL));
    assert.ok(
      !decided.includes(`"verb":"${CLAIM_VERBS.approve.verb}"`),
      'a decided claim offers no decision, whoever looks',
    );
  });

  it('asks Teams to refresh the card by itself for up to 60 approvers, never the claim\u2019s host or partner', () => {
    const approvers = Array.from(
      { length: 75 },
      (_, index) => `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`,
    );
    const rows: Array<[string, readonly string[], string[] | undefined]> = [
      ['no approvers known: no list, so small chats still refresh for everyone', [], undefined],
      ['two approvers', approvers.slice(0, 2), approvers.slice(0, 2).map((id) => `8:orgid:${id}`)],
      ['the host and partner are left out', ['host', approvers[0]!, 'p1'], [`8:orgid:${approvers[0]}`]],
      ['75 approvers: the first 60', approvers, approvers.slice(0, 60).map((id) => `8:orgid:${id}`)],
    ];
    for (const [name, ids, expected] of rows) {
      for (const view of [{ kind: 'approver' as const }, { kind: 'status' as const }]) {
        const built = approvalCard(claim('submitted'), view, URL, ids);
        assert.equal(built.refresh?.action.verb, CLAIM_VERBS.refresh.verb, name);
        assert.deepEqual(built.refresh?.userIds, expected, `${name} (${view.kind})`);
      }
    }
  });
});
