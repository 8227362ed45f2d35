import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { HOST, IEV, OTHER } from '../helpers/users.js';
import { fictionalPartner, seedFictionalPartners } from '../../demo/demo-partners.js';
import { axeViolations, describeViolations, useTabBrowser, type Theme } from './tab-page.js';
import { loopbackContext } from '../helpers/browser.js';
import { teamsHostHarness } from './teams-host-harness.js';

const PARTNERS = 60;

/** Plans as the planning bot stores them (container `plans`, partition key `/hostId`). */
async function seedPlans(app: TestApp): Promise<void> {
  const session = (date: string, partnerIds: string[], durationMinutes: number) => ({
    id: `session-${date}`,
    date,
    durationMinutes,
    format: 'in-person',
    partnerIds,
    howItWent: '',
    checkIn: 'engaged',
    checkInNotes: '',
    loggedAt: `${date}T17:00:00.000Z`,
  });
  const plans = [
    {
      id: 'plan-ward-redesign',
      title: 'Redesigning the Rowan ward garden',
      serviceArea: 'Adult mental health',
      phase: 'running',
      partnerIds: [fictionalPartner(1).id, fictionalPartner(2).id],
      sessions: [
        session('2026-03-02', [fictionalPartner(1).id, fictionalPartner(2).id], 90),
        session('2026-04-06', [fictionalPartner(1).id], 120),
      ],
    },
    {
      id: 'plan-interviews',
      title: 'Interview panel for a community nurse',
      serviceArea: 'Older people',
      phase: 'planning',
      partnerIds: [],
      sessions: [],
    },
  ];
  await app.services.database.containers.claims.items.create({
    id: 'claim-garden-1',
    type: 'claim',
    schemaVersion: 1,
    status: 'paid',
    hostId: HOST.id,
    hostName: HOST.name,
    partnerId: fictionalPartner(1).id,
    partnerName: fictionalPartner(1).displayName,
    work: { title: 'Redesigning the Rowan ward garden', planId: 'plan-ward-redesign' },
    receipts: [],
    policyVersion: 'test',
    createdAt: '2026-03-02T18:00:00.000Z',
    submittedAt: '2026-03-02T18:00:00.000Z',
    paidAt: '2026-03-10T12:00:00.000Z',
    items: [
      {
        id: 'item-1',
        input: { kind: 'mileage', date: '2026-03-02' },
        category: 'expense',
        claimedPence: 540,
        amountPence: 540,
        explanation: '12 miles \u00d7 45p = \u00a35.40',
        flags: [],
      },
    ],
    totals: { expensesPence: 540, paymentsPence: 0 },
    history: [],
  });
  for (const plan of plans)
    await app.services.database.containers.plans.items.create({
      ...plan,
      type: 'plan',
      schemaVersion: 1,
      hostId: HOST.id,
      hostName: HOST.name,
      position: 'summary',
      revision: 1,
      answers: {},
      skipped: [],
      createdAt: '2026-02-01T09:00:00.000Z',
      updatedAt: '2026-04-06T17:00:00.000Z',
    });
}

describe('The Involvement Register tab in headless Chromium', function () {
  this.timeout(120_000);
  let app: TestApp;
  const tabBrowser = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await app.services.directoryStore.savePerson({ userId: OTHER.id, displayName: OTHER.name, roles: ['viewer'] });
    await seedFictionalPartners(app.services.database.containers, PARTNERS);
    await seedPlans(app);
    return app;
  });
  const { open } = tabBrowser;

  const partnerItems = (page: Page) => page.getByRole('list', { name: 'Partners' }).getByRole('listitem');

  it('loads the register for a host, with the first page of partners', async () => {
    const page = await open('partners', { as: HOST });
    await page.getByRole('heading', { name: 'Involvement Partners' }).waitFor();
    await partnerItems(page).first().waitFor();
    assert.equal(await partnerItems(page).count(), 25);
    assert.match(await page.getByRole('status').filter({ hasText: 'Showing' }).innerText(), /Showing 25 partners/);
    await page.getByText('Developer identity — local mode, not signed in').waitFor();
    await screenshot(page, 'register-host');
  });

  it('switches the developer identity between a host, an IEV member and another team', async () => {
    const page = await open('partners', { as: HOST });
    await page.getByText('Signed in as Hana Host (demo) (host)').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Register a partner' }).count(), 0);
    await page.getByLabel('Acting as').selectOption({ label: 'Ivy IEV (demo)' });
    await page.getByText('Signed in as Ivy IEV (demo) (IEV team)').waitFor();
    await page.getByRole('link', { name: 'Register a partner' }).waitFor();
    await page.getByLabel('Acting as').selectOption({ label: 'Oscar Other-team (demo)' });
    await page.getByText('Signed in as Oscar Other-team (demo) (viewer)').waitFor();
    await partnerItems(page).first().waitFor();
  });

  it('searches by name and filters by status, on the server', async () => {
    const page = await open('partners', { as: HOST });
    await partnerItems(page).first().waitFor();
    await page.getByLabel('Search by name or interest').fill('grace');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForFunction(() => document.location.hash.includes('q=grace'));
    await page.getByRole('status').filter({ hasText: 'that is everyone who matches' }).waitFor();
    const names = await partnerItems(page).getByRole('heading').allInnerTexts();
    const expected = Array.from({ length: PARTNERS }, (_, index) => fictionalPartner(index)).filter(
      (partner) => partner.status !== 'left' && partner.searchName.includes('grace'),
    );
    assert.equal(names.length, expected.length);
    assert.ok(names.every((name) => /grace/i.test(name)));

    await page.getByLabel('Search by name or interest').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByLabel('Status').selectOption('paused');
    await page.waitForFunction(() => document.location.hash.includes('status=paused'));
    await page.getByRole('status').filter({ hasText: 'that is everyone who matches' }).waitFor();
    const statuses = await partnerItems(page).locator('h3').allInnerTexts();
    assert.ok(statuses.length > 0 && statuses.every((text) => text.includes('Paused')));
    await screenshot(page, 'register-filtered');
  });

  it('pages with "Show more partners" until everyone is shown', async () => {
    const page = await open('partners?pageSize=25', { as: IEV });
    await partnerItems(page).first().waitFor();
    for (const shown of [50, PARTNERS]) {
      await page.getByRole('button', { name: 'Show more partners' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Showing ${shown} partners` })
        .waitFor();
    }
    assert.equal(await page.getByRole('button', { name: 'Show more partners' }).count(), 0);
    const last = [...Array.from({ length: PARTNERS }, (_, index) => fictionalPartner(index).displayName)]
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
      .at(-1)!;
    assert.equal((await partnerItems(page).last().getByRole('link').innerText()).trim(), last);
  });

  it('lets an IEV member register a partner, who then appears in the register', async () => {
    const page = await open('partners/new', { as: IEV });
    await page.getByRole('heading', { name: 'Register an Involvement Partner' }).waitFor();
    await page.getByRole('button', { name: 'Register partner' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Some answers need checking' });
    await summary.waitFor();
    assert.match(await summary.innerText(), /Enter the partner’s name/);
    await screenshot(page, 'register-form-errors');

    await page.getByLabel('Full name').fill('Marigold Fictional');
    await page.getByLabel('Email address').fill('marigold@example.org');
    await page.getByLabel('They agree to be on the Involvement Register (required)').check();
    await page.getByLabel('They are happy to be contacted about involvement opportunities').check();
    await page.getByRole('group', { name: 'Emergency contact' }).getByLabel('Name').fill('Basil Fictional');
    await page.getByLabel('Relationship to the partner').fill('Husband');
    await page.getByRole('group', { name: 'Emergency contact' }).getByLabel('Phone number').fill('01632 961555');
    await page.getByLabel('Older people').check();
    await page.getByLabel('Interests').fill('Reading group, leaflets');
    await page.getByRole('button', { name: 'Register partner' }).click();

    await page.getByRole('heading', { name: 'Marigold Fictional', level: 2 }).waitFor();
    await page.getByText('Basil Fictional').waitFor();
    // With an email address and consent to be contacted, the welcome goes at once by GOV.UK Notify (no longer a task
    // for IEV to tick): the page lists it, waiting, sent or delivered, whichever it meets first.
    await page
      .getByRole('region', { name: 'Messages to the partner' })
      .getByText(/^Welcome to Involvement: (Waiting to be sent|Sent|Delivered) by email/)
      .waitFor();
    await screenshot(page, 'partner-registered-iev');

    await page.getByRole('link', { name: 'Back to the register' }).click();
    await page.getByLabel('Search by name or interest').fill('marigold');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Marigold Fictional' }).waitFor();
  });

  it('shows an IEV member the emergency contact and not a host — on the page and in the API response', async () => {
    const partner = fictionalPartner(6);
    const seen: Record<string, { page: Page; body: string }> = {};
    for (const [who, user] of [
      ['iev', IEV],
      ['host', HOST],
    ] as const) {
      const context = await open('partners', { as: user });
      const response = context.waitForResponse((candidate) => candidate.url().endsWith(`/api/partners/${partner.id}`));
      await context.evaluate((id) => {
        window.location.hash = `#/partners/${id}`;
      }, partner.id);
      seen[who] = { page: context, body: await (await response).text() };
      await context.getByRole('heading', { name: partner.displayName, level: 2 }).waitFor();
    }
    const emergencyName = partner.emergencyContact!.name;
    assert.match(seen.iev!.body, new RegExp(emergencyName));
    assert.doesNotMatch(seen.host!.body, new RegExp(`${emergencyName}|"emergencyContact"`));
    assert.equal(await seen.iev!.page.getByRole('heading', { name: 'Emergency contact' }).count(), 1);
    assert.equal(await seen.iev!.page.getByText(emergencyName).count(), 1);
    assert.equal(await seen.host!.page.getByRole('heading', { name: 'Emergency contact' }).count(), 0);
    assert.equal(await seen.host!.page.getByText(emergencyName).count(), 0);
    // The IEV member can see that their own viewing was recorded.
    await seen.iev!.page.getByText(/Who has seen or changed this partner’s details/).click();
    await seen
      .iev!.page.getByText(/Ivy IEV \(demo\) viewed the emergency contact or equality answers/)
      .first()
      .waitFor();
    assert.equal(await seen.host!.page.getByText(/Who has seen/).count(), 0);
    await screenshot(seen.iev!.page, 'partner-iev');
    await screenshot(seen.host!.page, 'partner-host');
  });

  it('shows the involvement work of one service area', async () => {
    const page = await open(`work?area=${encodeURIComponent('Adult mental health')}`, { as: OTHER });
    await page.getByRole('heading', { name: 'Involvement work: Adult mental health' }).waitFor();
    await page.getByRole('heading', { name: /Redesigning the Rowan ward garden/ }).waitFor();
    assert.equal(await page.getByText('Interview panel for a community nurse').count(), 0);
    await page.getByRole('link', { name: fictionalPartner(1).displayName }).waitFor();
    await page.getByText('Dates: 2 Mar 2026 to 6 Apr 2026').waitFor();
    await screenshot(page, 'work-area');
  });

  it('shows one piece of work for a channel pinned to one plan', async () => {
    const page = await open('work?plan=plan-interviews', { as: OTHER });
    await page.getByRole('heading', { name: /Interview panel for a community nurse/ }).waitFor();
    assert.equal(await page.getByText('Redesigning the Rowan ward garden').count(), 0);
    await page.getByText('Partners involved: none yet').waitFor();
  });

  it('tells an IEV member when the person is already on the register', async () => {
    const existing = fictionalPartner(14);
    const page = await open('partners/new', { as: IEV });
    await page.getByLabel('Full name').fill(existing.displayName);
    await page.getByLabel('Email address').fill(existing.contact.email!);
    await page.getByLabel('They agree to be on the Involvement Register (required)').check();
    await page.getByRole('group', { name: 'Emergency contact' }).getByLabel('Name').fill('Someone');
    await page.getByLabel('Relationship to the partner').fill('Friend');
    await page.getByRole('group', { name: 'Emergency contact' }).getByLabel('Phone number').fill('01632 961000');
    await page.getByRole('button', { name: 'Register partner' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'Already on the register' });
    await problem.waitFor();
    assert.match(await problem.innerText(), new RegExp(`${existing.displayName} is already on the register`));
    assert.equal(await page.getByLabel('Full name').inputValue(), existing.displayName, 'the answers are kept');
  });

  it('saves a channel view from the configuration page, and the pinned tab opens on it for everyone', async () => {
    const context = await loopbackContext(tabBrowser.browser);
    const page = tabBrowser.track(await context.newPage());
    const harnessUrl = `${app.url}/tab/teams-host-harness.html`;
    await page.route(harnessUrl, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: teamsHostHarness(`${app.url}/tab/index.html?as=${HOST.id}#/config`, {
          theme: 'dark',
          frameContext: 'settings',
        }),
      }),
    );
    await page.goto(harnessUrl);
    const tab = page.frameLocator('#tab');
    await tab.getByRole('heading', { name: 'Choose what this tab shows' }).waitFor();
    const host = () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              teamsHost: {
                messages: string[];
                validity?: boolean;
                savedConfig?: Record<string, string>;
                saveOutcome?: string;
              };
            }
          ).teamsHost,
      );
    await page.waitForFunction(
      () => (window as unknown as { teamsHost: { validity?: boolean } }).teamsHost.validity === true,
    );

    await tab.getByLabel('The involvement work of one service area').check();
    await page.waitForFunction(
      () => (window as unknown as { teamsHost: { validity?: boolean } }).teamsHost.validity === false,
    );
    await tab.getByRole('combobox', { name: /Service area/ }).selectOption('Adult mental health');
    await page.waitForFunction(
      () => (window as unknown as { teamsHost: { validity?: boolean } }).teamsHost.validity === true,
    );
    await screenshot(page, 'channel-configuration-in-host');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').waitFor();

    const saved = await host();
    assert.equal(saved.saveOutcome, 'success');
    assert.deepEqual(
      { ...saved.savedConfig },
      {
        contentUrl: `${app.url}/tab/index.html#/work?area=Adult%20mental%20health`,
        websiteUrl: `${app.url}/tab/index.html#/work?area=Adult%20mental%20health`,
        entityId: 'work-area-adult-mental-health',
        suggestedDisplayName: 'Involvement: Adult mental health',
      },
    );
    assert.ok(saved.messages.includes('initialize') && saved.messages.includes('settings.setSettings'));

    // Teams' theme is followed live: the host switches to high contrast and the tab follows.
    const tabFrame = page.frames().find((frame) => frame.url().includes('/tab/index.html'))!;
    assert.equal(await tabFrame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.evaluate(() => (window as unknown as { changeTheme: (theme: string) => void }).changeTheme('contrast'));
    await tabFrame.waitForFunction(() => document.documentElement.dataset.theme === 'contrast', undefined, {
      timeout: 5000,
    });

    // Anyone in the channel (here a member of another team) opens the pinned tab on that view.
    const pinned = await open(`work?area=${encodeURIComponent('Adult mental health')}`, { as: OTHER });
    await pinned.getByRole('heading', { name: 'Involvement work: Adult mental health' }).waitFor();
    await pinned.getByRole('heading', { name: /Redesigning the Rowan ward garden/ }).waitFor();
  });

  it('shows a host a partner\u2019s involvement history and claims, and the claim an approval card links to', async () => {
    const page = await open(`partners/${fictionalPartner(1).id}`, { as: HOST });
    const history = page.getByRole('region', { name: 'Involvement history' });
    await history.getByText('2 sessions, 3.5 hours').waitFor();
    const claims = page.getByRole('region', { name: 'Claims and payments' });
    await claims.getByText(/Paid, submitted 2 Mar 2026, paid 10 Mar 2026/).waitFor();
    await screenshot(page, 'partner-history-host');
    await claims.getByRole('link', { name: '\u00a35.40' }).click();
    await page.getByRole('heading', { name: /Expense claim for/ }).waitFor();
    await page.getByText('12 miles \u00d7 45p = \u00a35.40').waitFor();
    assert.match(await page.getByRole('heading', { name: /Expense claim for/ }).innerText(), /Paid/);
    await screenshot(page, 'claim-host');
  });

  describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
    const views: Array<[string, string, typeof HOST, string]> = [
      ['register', 'partners', HOST, 'Involvement Partners'],
      ['partner page', `partners/${fictionalPartner(6).id}`, IEV, fictionalPartner(6).displayName],
      ['registration form', 'partners/new', IEV, 'Register an Involvement Partner'],
      ['involvement work', 'work', OTHER, 'All involvement work'],
      ['channel configuration', 'config', HOST, 'Choose what this tab shows'],
      ['claim', 'claims/claim-garden-1', IEV, 'Expense claim for'],
    ];
    it('would notice a problem (an input without a label)', async () => {
      const page = await open('partners', { as: HOST });
      await page.getByRole('heading', { name: 'Involvement Partners' }).waitFor();
      await page.evaluate(() =>
        document.querySelector('main')!.append(Object.assign(document.createElement('input'), { type: 'text' })),
      );
      assert.ok((await axeViolations(page)).some((violation) => violation.id === 'label'));
    });

    for (const theme of ['default', 'dark', 'contrast'] as Theme[]) {
      it(`finds no violations in the ${theme} theme`, async () => {
        const problems: string[] = [];
        for (const [name, route, user, heading] of views) {
          const page = await open(route, { as: user, theme });
          await page.getByRole('heading', { name: heading, level: 2 }).first().waitFor();
          await page.waitForLoadState('networkidle');
          const violations = await axeViolations(page);
          if (violations.length > 0) problems.push(`${name}:\n${describeViolations(violations)}`);
          await screenshot(page, `${name.replace(/ /g, '-')}-${theme}`);
        }
        assert.equal(problems.join('\n\n'), '');
      });
    }
  });

  it('lets an IEV member pause a partner from their page; hosts are not offered it', async () => {
    const partner = fictionalPartner(8);
    const page = await open(`partners/${partner.id}`, { as: IEV });
    await page.getByRole('heading', { name: partner.displayName, level: 2 }).waitFor();
    await page.getByLabel('Status on the register').selectOption('paused');
    await page.getByRole('button', { name: 'Save status' }).click();
    await page.getByText('Paused', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save status' }).isDisabled(), true);
    const host = await open(`partners/${partner.id}`, { as: HOST });
    await host.getByRole('heading', { name: partner.displayName, level: 2 }).waitFor();
    assert.equal(await host.getByLabel('Status on the register').count(), 0);
  });

  it('works with the keyboard alone, with a visible focus indicator', async () => {
    const page = await open('partners', { as: HOST });
    await partnerItems(page).first().waitFor();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const after = getComputedStyle(element, '::after');
        const ring = [
          style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
          style.boxShadow !== 'none',
          after.borderStyle !== 'none' && after.content !== 'none',
          after.outlineStyle !== 'none' && after.content !== 'none',
        ].some(Boolean);
        return {
          name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '',
          tag: element.tagName,
          label: (element as HTMLInputElement).labels?.[0]?.textContent ?? '',
          ring,
        };
      });
    // Skip link first, then through the developer identity and navigation to the search box.
    await page.keyboard.press('Tab');
    assert.equal((await focused()).name, 'Skip to content');
    for (let presses = 0; presses < 10 && (await focused()).label !== 'Search by name or interest'; presses += 1)
      await page.keyboard.press('Tab');
    const search = await focused();
    assert.equal(search.label, 'Search by name or interest');
    await page.keyboard.type('okafor');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'that is everyone who matches' }).waitFor();
    for (let presses = 0; presses < 15 && !/okafor/i.test((await focused()).name); presses += 1)
      await page.keyboard.press('Tab');
    const link = await focused();
    assert.match(link.name, /Okafor/);
    assert.ok(link.ring, 'the focused link shows a focus indicator');
    await screenshot(page, 'register-keyboard-focus', { fullPage: false });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: link.name, level: 2 }).waitFor();
  });

  it('says plainly when nothing matches, and when the register cannot be reached (with Try again)', async () => {
    const page = await open('partners?q=zzzz', { as: HOST });
    await page.getByText('No partners match. Try a shorter search or fewer filters.').waitFor();
    await page.route('**/api/partners?*', (route) => route.abort());
    await page.getByLabel('Search by name or interest').fill('ada');
    await page.getByRole('button', { name: 'Search' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'No connection' });
    await problem.waitFor();
    assert.match(await problem.innerText(), /We could not reach the Involvement Hub/);
    await screenshot(page, 'register-error', { fullPage: false });
    await page.unroute('**/api/partners?*');
    await problem.getByRole('button', { name: 'Try again' }).click();
    await partnerItems(page).first().waitFor();
  });

  it('fits a Teams side panel or a phone (320 px wide) without sideways scrolling', async () => {
    for (const [route, user, heading] of [
      ['partners', HOST, 'Involvement Partners'],
      [`partners/${fictionalPartner(6).id}`, IEV, fictionalPartner(6).displayName],
      ['partners/new', IEV, 'Register an Involvement Partner'],
    ] as const) {
      const page = await open(route, { as: user, width: 320 });
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(
        page,
        `narrow-${route.split('/')[0]}${route.includes('/') ? '-' + (route.endsWith('new') ? 'form' : 'detail') : ''}`,
        { fullPage: false },
      );
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > width + 1)
          .slice(0, 3);
        return {
          by: document.documentElement.scrollWidth - width,
          culprits: wide.map((element) => `${element.tagName}.${element.className}`.slice(0, 80)),
        };
      });
      assert.ok(
        overflow.by <= 0,
        `${route} scrolls sideways by ${overflow.by}px at 320px: ${overflow.culprits.join(', ')}`,
      );
    }
  });
});
