import assert from 'node:assert/strict';
import type { Actor, Role } from '../../domain/people/actor.js';
import type { Partner } from '../../domain/register/partner.js';
import {
  audienceFor,
  auditedFieldsIn,
  canSeePartner,
  FIELDS_BY_AUDIENCE,
  NO_WORK,
  partnerViewFor,
  type PartnerField,
  type WorkWithPartner,
} from '../../domain/register/visibility.js';
import { fictionalPartner } from '../../demo/demo-partners.js';

/** A partner with every field filled in, so a field missing from a view was withheld, not absent. */
const EVERYTHING: Partner = {
  ...fictionalPartner(6),
  status: 'active',
  consent: {
    register: { given: true, at: '2026-01-05T09:00:00.000Z' },
    contactAboutOpportunities: { given: true, at: '2026-01-05T09:00:00.000Z' },
    equalityMonitoring: { given: true, at: '2026-01-05T09:00:00.000Z' },
  },
  communicationNeeds: 'Large print',
  accessNeeds: 'Step-free access',
  equality: { ageBand: '65+' },
  lastInvolvedAt: '2026-02-01T09:00:00.000Z',
  panelTraining: { completedOn: '2026-01-20', recordedAt: '2026-01-21T09:00:00.000Z', byName: 'Ivy' },
  consentHistory: [
    {
      purpose: 'contactAboutOpportunities',
      given: true,
      at: '2026-01-05T09:00:00.000Z',
      how: 'registration-form',
      recordedAt: '2026-01-05T09:00:00.000Z',
      byId: 'iev-1',
      byName: 'Ivy',
    },
  ],
  erasure: { at: '2026-03-01T09:00:00.000Z', byId: 'iev-1', byName: 'Ivy', reason: 'Asked' },
};

type Group = 'profile' | 'in work' | 'IEV';

/** Every field of a partner, and the group that first sees it. */
const FIELD_GROUPS: ReadonlyArray<[PartnerField, Group]> = [
  ['id', 'profile'],
  ['displayName', 'profile'],
  ['status', 'profile'],
  ['areas', 'profile'],
  ['interests', 'profile'],
  ['livedExperience', 'profile'],
  ['availability', 'profile'],
  ['lastInvolvedAt', 'profile'],
  ['hoursInvolved', 'profile'],
  ['panelTraining', 'profile'],
  ['registeredAt', 'in work'],
  ['consent', 'in work'],
  ['paymentPreference', 'in work'],
  ['contact', 'in work'],
  ['communicationNeeds', 'in work'],
  ['accessNeeds', 'in work'],
  ['welcome', 'in work'],
  ['emergencyContact', 'IEV'],
  ['equality', 'IEV'],
  ['consentHistory', 'IEV'],
  ['erasure', 'IEV'],
];

const WORK: Record<string, WorkWithPartner> = {
  'no work with the partner': NO_WORK,
  'the partner took part in their session': { tookPartInSession: true, claimFromHost: false },
  'they sent a claim for the partner': { tookPartInSession: false, claimFromHost: true },
  both: { tookPartInSession: true, claimFromHost: true },
  'the partner said they are interested in their opportunity': {
    tookPartInSession: false,
    claimFromHost: false,
    interestedInOpportunity: true,
  },
};

/** Roles × relationships: which groups of fields each sees. One row per case, checkable by eye. */
const TABLE: ReadonlyArray<[Role[], keyof typeof WORK, Group[]]> = [
  [['viewer'], 'no work with the partner', ['profile']],
  [['viewer'], 'the partner took part in their session', ['profile']],
  [['viewer'], 'they sent a claim for the partner', ['profile']],
  [['host'], 'no work with the partner', ['profile']],
  [['host'], 'the partner took part in their session', ['profile', 'in work']],
  [['host'], 'they sent a claim for the partner', ['profile', 'in work']],
  [['host'], 'both', ['profile', 'in work']],
  [['viewer'], 'the partner said they are interested in their opportunity', ['profile']],
  [['host'], 'the partner said they are interested in their opportunity', ['profile', 'in work']],
  [['iev', 'host'], 'no work with the partner', ['profile', 'in work', 'IEV']],
  [['iev', 'host'], 'the partner took part in their session', ['profile', 'in work', 'IEV']],
];

const actor = (roles: Role[]): Actor => ({ id: 'someone', displayName: 'Someone', roles });

describe('Need to know: who sees which of a partner\u2019s details', () => {
  it('names every field of a partner in the table (a new field must be placed in a group)', () => {
    const placed = new Set(FIELD_GROUPS.map(([field]) => field));
    assert.deepEqual([...placed].sort(), [...new Set(FIELDS_BY_AUDIENCE.iev)].sort());
    const stored = Object.keys(EVERYTHING).filter(
      (key) => !['type', 'schemaVersion', 'searchName', 'searchInterests', 'countedSessionIds'].includes(key),
    );
    assert.deepEqual(stored.sort(), [...placed].sort(), 'every stored field is in the table, or deliberately internal');
  });

  for (const [roles, relationship, groups] of TABLE) {
    for (const [field, group] of FIELD_GROUPS) {
      const sees = groups.includes(group);
      it(`${roles.join('+')} with ${relationship}: ${sees ? 'sees' : 'does not see'} ${field}`, () => {
        const view = partnerViewFor(audienceFor(actor(roles), WORK[relationship]!), EVERYTHING);
        assert.equal(field in view, sees);
        if (sees) assert.deepEqual((view as Record<string, unknown>)[field], EVERYTHING[field]);
      });
    }
  }

  it('hides contact details from a host who works with the partner once the partner has not agreed to be contacted; IEV still has them', () => {
    const noContact: Partner = {
      ...EVERYTHING,
      consent: { ...EVERYTHING.consent, contactAboutOpportunities: { given: false, at: '2026-04-01T09:00:00.000Z' } },
    };
    const working = partnerViewFor(audienceFor(actor(['host']), WORK.both!), noContact);
    assert.equal('contact' in working, false);
    assert.equal(working.accessNeeds, 'Step-free access', 'needs are still shown to the host who works with them');
    assert.deepEqual(
      partnerViewFor(audienceFor(actor(['iev', 'host']), NO_WORK), noContact).contact,
      EVERYTHING.contact,
    );
  });

  it('audits exactly the emergency contact and equality answers, and only when a view holds them', () => {
    assert.deepEqual(auditedFieldsIn(partnerViewFor('iev', EVERYTHING)), ['emergencyContact', 'equality']);
    assert.deepEqual(auditedFieldsIn(partnerViewFor('in-work', EVERYTHING)), []);
    const { equality: _equality, ...withoutAnswers } = EVERYTHING;
    assert.deepEqual(auditedFieldsIn(partnerViewFor('iev', withoutAnswers)), ['emergencyContact']);
  });

  it('shows a partner who left the register to IEV only, whatever the work', () => {
    const left = { status: 'left' as const };
    assert.equal(canSeePartner(audienceFor(actor(['host']), WORK.both!), left), false);
    assert.equal(canSeePartner(audienceFor(actor(['iev', 'host']), NO_WORK), left), true);
  });
});
