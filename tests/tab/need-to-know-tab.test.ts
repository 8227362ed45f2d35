import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser.js';
import { cardText } from '../helpers/cards.js';
import { HOST } from '../helpers/users.js';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { planAtSummary, pressOn } from '../planning/planning-steps.js';
import { axeViolations, describeViolations, useRegisterWithPartners } from './tab-page.js';
import { SESSION_VERBS } from '../../bot/planning/planning-verbs.js';

/** fictionalPartner(13): active, agreed to be contacted, with communication needs. */
const PARTNER = fictionalPartner(13);

/** What the API answers the page's own signed-in caller, fetched from inside the page. */
const apiFromPage = (page: Page, path: string, as: string) =>
  page.evaluate(async ({ path, as }) => (await fetch(path, { headers: { 'x-developer-identity': as } })).text(), {
    path,
    as,
  });

describe('Need to know in the tab: a host sees a partner\u2019s needs only once the partner is part of their work', function () {
  this.timeout(180_000);
  const tab = useRegisterWithPartners(20);
  const { open } = tab;

  it('shows the public profile until the host logs a session with the partner in the bot, then their needs', async () => {
    const page = await open(`partners/${PARTNER.id}`, { as: HOST });
    await page.getByRole('heading', { name: PARTNER.displayName, level: 2 }).waitFor();
    await page.getByText(`You see ${PARTNER.displayName}\u2019s public profile.`).waitFor();
    assert.equal(await page.getByText(PARTNER.communicationNeeds!).count(), 0);
    assert.equal(await page.getByText(PARTNER.contact.phone!).count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Contact and needs' }).count(), 0);
    const publicAnswer = await apiFromPage(page, `/api/partners/${PARTNER.id}`, HOST.id);
    for (const field of ['contact', 'communicationNeeds', 'consent', 'paymentPreference', 'emergencyContact'])
      assert.doesNotMatch(publicAnswer, new RegExp(`"${field}"`));
    assert.equal(publicAnswer.includes(PARTNER.contact.phone!), false);
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'partner-public-profile-for-host');

    // The host logs a session with the partner, in the bot, as they would in Teams.
    const chat = tab.app.personalChat(HOST);
    const form = (await pressOn(chat, await planAtSummary(chat), SESSION_VERBS.start.verb)).card;
    const found = (
      await pressOn(chat, form, SESSION_VERBS.search.verb, { partnerSearch: PARTNER.displayName.split(' ')[0] })
    ).card;
    assert.match(cardText(found), new RegExp(PARTNER.displayName));
    const logged = (
      await pressOn(chat, found, SESSION_VERBS.save.verb, {
        date: new Date().toISOString().slice(0, 10),
        durationMinutes: '60',
        format: 'in-person',
        partnerIds: PARTNER.id,
        checkIn: 'yes',
      })
    ).card;
    assert.match(cardText(logged), /Session logged/);
    assert.match(cardText(logged), /Before you next meet/);
    assert.ok(
      cardText(logged).includes(PARTNER.communicationNeeds!),
      'the bot card shows the needs through the same rule',
    );

    await page.reload();
    await page.getByRole('heading', { name: 'Contact and needs' }).waitFor();
    await page.getByText(PARTNER.communicationNeeds!).waitFor();
    await page.getByText(PARTNER.contact.phone!).waitFor();
    await page.getByText(`because they took part in a session of your work`, { exact: false }).waitFor();
    assert.equal(
      await page.getByRole('heading', { name: 'Emergency contact' }).count(),
      0,
      'the emergency contact stays with IEV',
    );
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'partner-needs-for-host-in-work');
  });
});
