import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import type { Partner } from '../../domain/register/partner.js';
import type { Services } from '../../server/services.js';
import { cardText, findAction, validateCard } from '../helpers/cards.js';
import { cardsSent, type ChatClient, type InvokeResult } from '../helpers/chat.js';
import { PLAN_VERBS, SUPPORT_VERBS } from '../../bot/planning/planning-verbs.js';

/**
 * Presses a button that is on the card, as Teams would: the button's own data plus the card's
 * input values. Fails if the card has no such button, so tests only do what a person could do.
 */
export async function pressOn(
  chat: ChatClient,
  card: AdaptiveCard | undefined,
  verb: string,
  inputs: Record<string, unknown> = {},
  options: { title?: string; replyToId?: string } = {},
): Promise<InvokeResult & { card: AdaptiveCard }> {
  assert.ok(card, `expected a card with a "${verb}" button`);
  const action = options.title ? actionTitled(card, options.title) : findAction(card, verb);
  assert.ok(action, `the card has no "${options.title ?? verb}" button. Card says:\n${cardText(card)}`);
  const result = await chat.press(
    verb,
    { ...(action.data ?? {}), ...inputs },
    options.replyToId ? { replyToId: options.replyToId } : {},
  );
  assert.equal(result.status, 200);
  assert.ok(result.card, `pressing "${verb}" answered with ${JSON.stringify(result.invokeResponse).slice(0, 300)}`);
  assertValid(result.card);
  return result as InvokeResult & { card: AdaptiveCard };
}

function actionTitled(card: AdaptiveCard, title: string) {
  let found: { data?: Record<string, unknown> } | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.title === title && typeof record.type === 'string' && record.type.startsWith('Action.'))
      found ??= record as { data?: Record<string, unknown> };
    for (const [key, value] of Object.entries(record)) if (key !== 'refresh' && typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}

export function assertValid(card: AdaptiveCard | undefined): void {
  assert.ok(card);
  assert.deepEqual(validateCard(card), [], cardText(card));
}

/** The text under the input with this id: where a problem is shown. */
export function problemUnder(card: AdaptiveCard, inputId: string): string | undefined {
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.body) || Array.isArray(record.items)) {
      const list = (record.body ?? record.items) as Array<Record<string, unknown>>;
      list.forEach((element, index) => {
        if (element.id === inputId && list[index + 1]?.id === `${inputId}-error`) found = String(list[index + 1]!.text);
      });
    }
    for (const value of Object.values(record)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}

/** The value an input on the card currently holds. */
export function inputValue(card: AdaptiveCard, inputId: string): unknown {
  let found: unknown;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.id === inputId && typeof record.type === 'string' && record.type.startsWith('Input.'))
      found = record.value;
    for (const value of Object.values(record)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}

/** Puts a fictional Involvement Partner on the register, as the IEV team would. */
export async function registerPartner(
  services: Services,
  id: string,
  displayName: string,
  status: Partner['status'] = 'active',
): Promise<void> {
  const at = '2026-01-05T10:00:00.000Z';
  await services.partners.repository.create({
    id,
    type: 'partner',
    schemaVersion: 1,
    displayName,
    searchName: displayName.toLowerCase(),
    status,
    areas: ['Mental health'],
    interests: [],
    searchInterests: [],
    livedExperience: ['Carer'],
    registeredAt: at,
    consent: {
      register: { given: true, at },
      contactAboutOpportunities: { given: true, at },
      equalityMonitoring: { given: false, at },
    },
    paymentPreference: { choice: 'expenses-only', chosenAt: at },
    contact: {},
    welcome: { status: 'sent', recordedAt: at },
    hoursInvolved: 0,
  });
}

/** Answers for every step of a plan, as a host might give them. */
export const ANSWERS: Record<string, Record<string, unknown>> = {
  purpose: {
    title: 'Calmer memory clinic waiting area',
    serviceArea: 'other',
    serviceAreaOther: 'Older people\u2019s mental health',
    purpose: 'Make the waiting area less stressful for patients and carers.',
    objectives: 'A new layout agreed with patients and carers by June.',
  },
  known: { earlierEngagement: 'Complaints about noise; a 2024 survey of carers.' },
  people: { groups: 'age,disability,carers', otherGroups: 'People who come alone' },
  methods: { methods: 'go-to-groups,conversations,co-design' },
  partners: {
    partnerOrganisations: 'Age UK and the carers\u2019 hub',
    communityContacts: 'The dementia cafe organiser',
  },
  timing: { whenWhere: 'At the dementia cafe, Tuesday mornings', onTheirTerms: 'yes' },
  influence: { canInfluence: 'Seating, colours, signs and music', cannotInfluence: 'The size of the room' },
  level: { level: 'collaborate' },
  selfManagement: { selfManagement: 'no' },
  feedback: { feedbackUse: 'To choose the layout together' },
  commissioning: {},
  eia: { eiaNeeded: 'yes', eiaStatus: 'not-started' },
  budget: { budget: '600', expensesOffered: 'yes', involvementPayments: 'not-sure' },
  involvementPartners: { partnerCount: '4', livedExperience: 'Carers of people living with dementia' },
};

/** A host with a plan that has a name and purpose and every other step skipped: at its summary. */
export async function planAtSummary(chat: ChatClient): Promise<AdaptiveCard> {
  const [first] = cardsSent(await chat.say('plan'));
  let card = (await pressOn(chat, first, PLAN_VERBS.next.verb, ANSWERS.purpose)).card;
  while (findAction(card, PLAN_VERBS.skip.verb)) card = (await pressOn(chat, card, PLAN_VERBS.skip.verb)).card;
  return card;
}

/** The request sent from the host's plan summary; returns what the host sees. */
export async function sendSupportRequest(host: ChatClient): Promise<AdaptiveCard> {
  const { card: form } = await pressOn(host, await planAtSummary(host), SUPPORT_VERBS.start.verb);
  const { card } = await pressOn(host, form, SUPPORT_VERBS.send.verb, {
    kinds: 'planning,hub-room',
    description: 'We would like a room at the Hub and advice on reaching carers.',
  });
  return card;
}
