import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import type { ClaimDocument } from '../../domain/claims/claim.js';
import type { Partner } from '../../domain/register/partner.js';
import type { Versioned } from '../../storage/repository.js';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { normaliseName } from '../../domain/register/registration.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../helpers/app.js';
import { cardsSent, type ChatClient } from '../helpers/chat.js';
import { cardText } from '../helpers/cards.js';
import type { ConnectorCall } from '../helpers/connector.js';
import { HOST, IEV, SECOND_IEV, type TestUser } from '../helpers/users.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

export const IEV_CHANNEL = '19:iev-channel@thread.tacv2';

/** The app with two IEV approvers configured and the IEV channel set up by one of them, as a team would. */
export async function startClaimsApp(options: TestAppOptions = {}): Promise<TestApp> {
  const app = await startTestApp({ ...options, env: { IEV_MEMBER_IDS: `${IEV.id},${SECOND_IEV.id}`, ...options.env } });
  await app.channel(IEV).say('set up IEV channel');
  return app;
}

export async function addPartner(
  app: TestApp,
  displayName: string,
  overrides: Partial<Partner> = {},
): Promise<Partner> {
  const partner: Partner = {
    ...fictionalPartner(1),
    id: `partner-${normaliseName(displayName).replace(/[^a-z0-9]+/g, '-')}`,
    displayName,
    searchName: normaliseName(displayName),
    status: 'active',
    paymentPreference: { choice: 'accept-payment', chosenAt: '2026-01-05T09:00:00.000Z' },
    ...overrides,
  };
  await app.services.partners.repository.create(partner);
  return partner;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** Presses a button and returns the card that replaced the pressed one. */
export async function pressFor(chat: ChatClient, verb: string, data: Record<string, unknown>): Promise<AdaptiveCard> {
  const result = await chat.press(verb, data);
  assert.equal(result.status, 200, `pressing ${verb} answered ${result.status}`);
  assert.ok(result.card, `pressing ${verb} did not answer with a card: ${JSON.stringify(result.invokeResponse)}`);
  return result.card;
}

/** The host starts a claim for a partner found by name; returns the new claim's id. */
export async function startClaim(
  chat: ChatClient,
  search: string,
  workTitle = 'Ward 3 discharge redesign workshop',
): Promise<{ claimId: string; card: AdaptiveCard }> {
  const found = await pressFor(chat, CLAIM_VERBS.findPartner.verb, { partnerSearch: search });
  const choice = JSON.stringify(found).match(/"value":"(partner-[^"]+)"/);
  assert.ok(choice, `no partner offered for "${search}": ${cardText(found)}`);
  const card = await pressFor(chat, CLAIM_VERBS.create.verb, {
    partnerSearch: search,
    partnerId: choice[1],
    workTitle,
  });
  const claimId = JSON.stringify(card).match(/"claimId":"(claim-[^"]+)"/)?.[1];
  assert.ok(claimId, 'the claim card carries the claim id');
  return { claimId, card };
}

export async function addMileage(
  chat: ChatClient,
  claimId: string,
  miles: string,
  extra: Record<string, string> = {},
): Promise<AdaptiveCard> {
  return pressFor(chat, CLAIM_VERBS.addItem.verb, {
    claimId,
    kind: 'mileage',
    date: today(),
    vehicle: 'car',
    from: 'Mansfield',
    to: 'Nottingham',
    miles,
    passengers: '0',
    ...extra,
  });
}

export async function submit(
  chat: ChatClient,
  claimId: string,
  extra: Record<string, string> = {},
): Promise<AdaptiveCard> {
  return pressFor(chat, CLAIM_VERBS.submit.verb, {
    claimId,
    partnerDeclaration: 'true',
    hostDeclaration: 'true',
    ...extra,
  });
}

/** A submitted claim for a new partner, with its approval card posted in the IEV channel. */
export async function submittedClaim(
  app: TestApp,
  host: ChatClient,
  partnerName: string,
): Promise<{ claimId: string; approvalActivityId: string }> {
  await addPartner(app, partnerName);
  const { claimId } = await startClaim(host, partnerName.split(' ')[0]!);
  await addMileage(host, claimId, '12');
  await submit(host, claimId);
  const posted = await approvalCardPosted(app, claimId);
  await eventually(async () => (await storedClaim(app, claimId)).approvalCard, 'the approval card to be recorded');
  return { claimId, approvalActivityId: posted.activityId };
}

export async function approvalCardPosted(app: TestApp, claimId: string): Promise<ConnectorCall> {
  return app.connector.waitFor(
    (call) =>
      call.kind === 'send' && call.conversationId === IEV_CHANNEL && JSON.stringify(call.activity).includes(claimId),
  );
}

export async function storedClaim(app: TestApp, claimId: string): Promise<Versioned<ClaimDocument>> {
  const claim = await app.services.claims.store.findClaim(claimId);
  assert.ok(claim, 'claim is stored');
  return claim;
}

export function personalChatId(user: TestUser): string {
  return `a:personal-${user.id}`;
}

/** Waits for background work (the outbox) to make `check` pass. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A claim for a new partner, submitted by the host and approved on the card: mileage, and optionally involvement time. */
export async function approvedClaim(app: TestApp, partnerName: string, withTime: boolean): Promise<string> {
  await addPartner(app, partnerName);
  const host = app.personalChat(HOST);
  const { claimId } = await startClaim(host, partnerName.split(' ')[0]!);
  await addMileage(host, claimId, '10');
  if (withTime)
    await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'involvement-time',
      date: today(),
      levelId: 'contribute',
      hours: '2',
    });
  await submit(host, claimId);
  await pressFor(app.channel(IEV), CLAIM_VERBS.approve.verb, { claimId });
  return claimId;
}

/** Waits for a card sent to the host's 1:1 chat whose text matches. */
export async function hostMessage(app: TestApp, text: RegExp, host: TestUser = HOST): Promise<ConnectorCall> {
  return app.connector.waitFor(
    (call) =>
      call.kind === 'send' && call.conversationId === personalChatId(host) && text.test(cardText(cardsSent([call]))),
  );
}

/** A submitted claim for a new partner with mileage (12 miles, £5.40) and parking (£12.00, no receipt). */
export async function twoItemClaim(
  app: TestApp,
  partnerName: string,
): Promise<{ host: ChatClient; claimId: string; mileageId: string; parkingId: string }> {
  await addPartner(app, partnerName);
  const host = app.personalChat(HOST);
  const { claimId } = await startClaim(host, partnerName.split(' ')[0]!);
  await addMileage(host, claimId, '12');
  await pressFor(host, CLAIM_VERBS.addItem.verb, {
    claimId,
    kind: 'parking',
    date: today(),
    description: 'Hospital car park',
    amount: '12.00',
  });
  await submit(host, claimId);
  const claim = await storedClaim(app, claimId);
  assert.equal(claim.items.length, 2);
  return { host, claimId, mileageId: claim.items[0]!.id, parkingId: claim.items[1]!.id };
}

/** A finance CSV's rows by column name (the test files have no quoted commas). */
export function csvRows(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [columns[index]!, value])));
}
