import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV } from '../helpers/users.js';
import { ANSWERS, pressOn } from './planning-steps.js';
import { axeViolations, describeViolations, useTabBrowser } from '../tab/tab-page.js';
import { PLAN_VERBS } from '../../bot/planning/planning-verbs.js';
import { serviceAreaOf } from '../../domain/planning/plan-service.js';
import { SERVICE_AREAS } from '../../domain/register/service-areas.js';

describe('Service areas: one list for the bot and the tab', function () {
  this.timeout(180_000);

  describe('what a plan\u2019s service area is', () => {
    const rows: Array<[string, Record<string, string>, string | undefined]> = [
      ['an area chosen from the list', { serviceArea: 'Older people' }, 'Older people'],
      [
        'another service, typed',
        { serviceArea: 'other', serviceAreaOther: 'Perinatal mental health' },
        'Perinatal mental health',
      ],
      [
        'another service whose name is a listed area',
        { serviceArea: 'other', serviceAreaOther: ' older PEOPLE ' },
        'Older people',
      ],
      [
        '"and" written as &',
        { serviceArea: 'other', serviceAreaOther: 'Learning disability & autism' },
        'Learning disability and autism',
      ],
      ['an apostrophe the list does not have', { serviceArea: 'other', serviceAreaOther: 'Carer\u2019s' }, 'Carers'],
      ['free text saved before the list', { serviceArea: 'children and young people' }, 'Children and young people'],
      [
        'free text that is not a listed area',
        { serviceArea: 'Older people\u2019s mental health' },
        'Older people\u2019s mental health',
      ],
      ['"other" with nothing typed', { serviceArea: 'other' }, undefined],
      ['nothing', {}, undefined],
    ];
    for (const [what, answers, expected] of rows)
      it(`${what} \u2192 ${expected ?? 'none'}`, () => assert.equal(serviceAreaOf(answers), expected));
  });

  describe('in the bot and the channel tab', () => {
    let app: TestApp;
    const tab = useTabBrowser(async () => {
      app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
      // Two plans saved when the service area was free text (before the list), one naming a listed area.
      const container = app.services.database.containers.plans;
      const oldPlan = (id: string, title: string, serviceArea: string) => ({
        id,
        type: 'plan',
        schemaVersion: 1,
        hostId: HOST.id,
        hostName: HOST.name,
        title,
        serviceArea,
        phase: 'planned',
        position: 'summary',
        revision: 3,
        answers: { purpose: { title, serviceArea, purpose: 'Older plan.' } },
        skipped: [],
        sessions: [],
        partnerIds: [],
        createdAt: '2026-01-05T10:00:00.000Z',
        updatedAt: '2026-01-05T10:00:00.000Z',
      });
      await container.items.create(oldPlan('plan-old-listed', 'Day centre lunches', 'older  PEOPLE'));
      await container.items.create(oldPlan('plan-old-other', 'Ward 7 visiting hours', 'Adult inpatient wards'));
      await app.restart();
      return app;
    });

    it('offers the same list in the bot as the tab filters by, with another service typed', async () => {
      const chat = app.personalChat(HOST);
      const [first] = cardsSent(await chat.say('plan'));
      const choices = JSON.stringify(first).match(/"id":"serviceArea"[^\]]*\]/)?.[0] ?? '';
      for (const area of SERVICE_AREAS) assert.ok(choices.includes(`"value":"${area}"`), `the bot offers ${area}`);
      assert.match(choices, /"value":"other"/);
      const options = await app.getJson<{ serviceAreas: string[] }>('/api/register/options', HOST);
      assert.deepEqual(options.body.serviceAreas, [...SERVICE_AREAS]);
    });

    it('maps plans saved with free text where it names a listed area, and keeps the rest as typed', async () => {
      const listed = await app.services.planStore.findPlan(HOST.id, 'plan-old-listed');
      assert.equal(listed!.serviceArea, 'Older people');
      assert.equal(listed!.answers.purpose!.serviceArea, 'Older people');
      const other = await app.services.planStore.findPlan(HOST.id, 'plan-old-other');
      assert.equal(other!.serviceArea, 'Adult inpatient wards');
      assert.deepEqual(
        [other!.answers.purpose!.serviceArea, other!.answers.purpose!.serviceAreaOther],
        ['other', 'Adult inpatient wards'],
      );
    });

    it('shows a plan made in the bot in its service area\u2019s channel view', async () => {
      const chat = app.personalChat(HOST);
      const [first] = cardsSent(await chat.say('plan'));
      await pressOn(chat, first, PLAN_VERBS.next.verb, {
        ...ANSWERS.purpose,
        title: 'Memory clinic garden',
        serviceArea: 'Older people',
        serviceAreaOther: '',
      });
      const page = await tab.open(`work?area=${encodeURIComponent('Older people')}`, { as: HOST });
      await page.getByText('Memory clinic garden').waitFor();
      await page.getByText('Day centre lunches').waitFor();
      assert.equal(await page.getByText('Ward 7 visiting hours').count(), 0, 'another area\u2019s plan is not shown');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
      await screenshot(page, 'work-one-service-area');
    });
  });
});
