import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { loopbackContext, screenshot } from '../helpers/browser.js';
import { teamsHostHarness } from '../tab/teams-host-harness.js';
import { IEV } from '../helpers/users.js';
import { axeViolations, describeViolations, useTabBrowser, type Theme } from '../tab/tab-page.js';
import { seedImpactExample } from './impact-example.js';

const HALF_YEAR = 'impact?from=2026-01-01&to=2026-06-30';

describe('"Is it working?" by cut, trends and the board report in the tab (headless Chromium)', function () {
  this.timeout(120_000);
  let app: TestApp;
  const tabBrowser = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedImpactExample(app);
    // The April work belongs to Older people: in April to June it is all the Trust's work.
    const { resource } = await app.services.database.containers.plans
      .item('impact-later', IEV.id)
      .read<Record<string, unknown>>();
    await app.services.database.containers.plans.items.upsert({ ...resource, serviceArea: 'Older people' });
    return app;
  });

  it('shows the figures quarter by quarter, by service area and per piece of work', async () => {
    const page = await tabBrowser.open(HALF_YEAR, { as: IEV });
    const quarters = page.getByRole('table', { name: 'Quarter by quarter' });
    await quarters.waitFor();
    const rows = await quarters.getByRole('row').allInnerTexts();
    // Header, then January to March (15 people) and April to June (7 people), as the API's cuts give them.
    assert.equal(rows.length, 3);
    assert.match(rows[1]!, /^1\sJan\s2026 to 31\sMar\s2026\s+15\s/);
    assert.match(rows[2]!, /^1\sApr\s2026 to 30\sJun\s2026\s+7\s/);
    await page
      .getByRole('table', { name: 'By service area' })
      .getByRole('rowheader', { name: 'Older people' })
      .waitFor();
    await page
      .getByRole('table', { name: 'Pieces of work and the groups they set out to reach' })
      .getByRole('rowheader', { name: 'Fictional work impact-later' })
      .waitFor();
  });

  it('opens a channel tab pinned for a service area on that area\u2019s figures', async () => {
    const page = await tabBrowser.open('impact?from=2026-04-01&to=2026-06-30&area=Older%20people', { as: IEV });
    await page.getByText(/Figures for Older people, 1\sApr\s2026 to 30\sJun\s2026\./).waitFor();
    assert.equal(await page.getByLabel('Whose figures').inputValue(), 'Older people');
    const headlines = await page.getByRole('list', { name: 'Headline figures' }).innerText();
    assert.match(headlines, /7\s*people took part/);
    await page.getByLabel('Whose figures').selectOption('Carers');
    await page.getByText(/No sessions were logged and no claims were paid in Carers between/).waitFor();
  });

  it('keeps a channel tab pinned for a service area on that area when its own links are followed', async () => {
    const page = tabBrowser.track(await (await loopbackContext(tabBrowser.browser)).newPage());
    const harnessUrl = `${app.url}/tab/teams-host-harness.html`;
    await page.route(harnessUrl, (route) =>
      route.fulfill({
        contentType: 'text/html',
        // What the configuration page saves for "The involvement work of one service area": Older people.
        body: teamsHostHarness(`${app.url}/tab/index.html?as=${IEV.id}#/work?area=Older%20people`, {
          theme: 'default',
          frameContext: 'content',
          entityId: 'work-area-older-people',
        }),
      }),
    );
    await page.goto(harnessUrl);
    const tab = page.frameLocator('#tab');
    await tab.getByRole('link', { name: 'Is it working?', exact: true }).click();
    await tab.getByText(/^Figures for Older people, /).waitFor();
    assert.equal(await tab.getByLabel('Whose figures').inputValue(), 'Older people');
    await tab.getByRole('link', { name: 'Involvement work' }).click();
    await tab.getByRole('link', { name: 'Is it working? The figures for Older people' }).waitFor();
  });

  it('downloads the board report as a PDF and as CSV in one click each', async () => {
    const page = await tabBrowser.open(HALF_YEAR, { as: IEV });
    await page.getByRole('list', { name: 'Headline figures' }).waitFor();
    for (const [button, name] of [
      ['Board report (PDF)', /involvement-board-report-2026-01-01-to-2026-06-30\.pdf/],
      ['Board report (CSV)', /involvement-board-report-2026-01-01-to-2026-06-30\.csv/],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      assert.match(download.suggestedFilename(), name);
    }
  });

  for (const theme of ['default', 'dark', 'contrast'] as Theme[]) {
    it(`finds no accessibility problems in the trends and cuts in the ${theme} theme`, async () => {
      const page = await tabBrowser.open(HALF_YEAR, { as: IEV, theme });
      await page.getByRole('table', { name: 'Quarter by quarter' }).waitFor();
      const violations = await axeViolations(page);
      await screenshot(page, `impact-cuts-${theme}`, { fullPage: true });
      assert.deepEqual(violations, [], describeViolations(violations));
    });
  }
});
