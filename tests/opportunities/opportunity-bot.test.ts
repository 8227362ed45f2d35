import assert from 'node:assert/strict';
import { OPPORTUNITY_VERBS } from '../../bot/opportunities/opportunity-verbs.js';
import type { TestApp } from '../helpers/app.js';
import { cardText, cardsIn, inputsOf } from '../helpers/cards.js';
import { HOST, IEV } from '../helpers/users.js';
import { eventually, notifyReceived, startPartnersApp } from '../partners/partner-steps.js';
import { assertValid, planAtSummary, pressOn } from '../planning/planning-steps.js';
import { partnerWith } from './opportunity-steps.js';

const IEV_CHANNEL = '19:iev-channel@thread.tacv2';

/** Publishing from a plan in the bot, with the IEV team approving from the card in their channel. */
describe('opportunities in the bot: publish from the plan summary, approve from the IEV channel', () => {
  let app: TestApp;
  before(async () => {
    app = await startPartnersApp();
    await app.channel(IEV).say('set up IEV channel');
    const setting = await app.api('/api/opportunity-settings', {
      method: 'PUT',
      as: IEV,
      body: JSON.stringify({ approvalRequired: true }),
    });
    assert.equal(setting.status, 200);
    await partnerWith(app, { displayName: 'Bea Botcarer', email: 'bea@example.org', livedExperience: ['Carer'] });
  });
  after(async () => app?.stop());

  it('the summary offers it; the form is filled in from the plan; publishing sends it to IEV, whose card approves it and invites', async () => {
    const host = app.personalChat(HOST);
    const summary = await planAtSummary(host);
    const { card: form } = await pressOn(host, summary, OPPORTUNITY_VERBS.start.verb);
    assertValid(form);
    assert.match(cardText(form), /Publish an involvement opportunity/);
    assert.match(cardText(form), /The IEV team approves opportunities before invitations go/);
    const values = Object.fromEntries(
      inputsOf(form)
        .filter((input) => input.value !== undefined)
        .map((input) => [input.id, String(input.value as string | number)]),
    );
    assert.equal(values.title, 'Calmer memory clinic waiting area');

    const refused = await pressOn(host, form, OPPORTUNITY_VERBS.publish.verb, {
      ...values,
      format: 'in-person',
      place: '',
    });
    assert.match(cardText(refused.card), /Say where it happens/, 'problems show under their inputs');

    const { card: sent } = await pressOn(host, refused.card, OPPORTUNITY_VERBS.publish.verb, {
      ...values,
      format: 'online',
      livedExperience: 'Carer',
      time: '14:00',
    });
    assertValid(sent);
    assert.match(cardText(sent), /Sent to the IEV team to approve/);
    assert.match(cardText(sent), /1 person on the register fits/);
    assert.doesNotMatch(cardText(sent), /Bea/, 'the host sees how many, not who');

    const post = await eventually(
      async () =>
        app.connector
          .sentTo(IEV_CHANNEL)
          .find((call) => call.kind === 'send' && /waiting for approval/.test(cardText(cardsIn([call])[0]))),
      'the approval card in the IEV channel',
    );
    const posted = cardsIn([post])[0]!;
    assertValid(posted);
    assert.match(cardText(posted), /Hana Host \(demo\) would like to invite people/);
    assert.doesNotMatch(cardText(posted), /Bea/, 'the channel sees how many, not who');

    const { card: approved } = await pressOn(
      app.channel(IEV),
      posted,
      OPPORTUNITY_VERBS.approve.verb,
      {},
      {
        replyToId: post.activityId,
      },
    );
    assert.match(cardText(approved), /Approved by Ivy IEV \(demo\)\. 1 person was invited/);
    const invitation = await eventually(
      async () =>
        (await notifyReceived(app)).find(
          (item) => item.recipient === 'bea@example.org' && item.templateName.startsWith('Invitation'),
        ),
      'the invitation at the local Notify server',
    );
    assert.equal(invitation.personalisation.work_title, 'Calmer memory clinic waiting area');
    assert.equal(invitation.personalisation.where, 'Online');
  });
});
