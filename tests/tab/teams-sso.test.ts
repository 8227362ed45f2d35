import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { sharedBrowser, loopbackContext, screenshot } from '../helpers/browser.js';
import { HOST, IEV } from '../helpers/users.js';
import { fictionalPartner, seedFictionalPartners } from '../../demo/demo-partners.js';
import { SSO_ENV, accessToken, keySet, signingKey, type SigningKey } from '../api/test-tokens.js';
import { teamsHostHarness } from './teams-host-harness.js';

describe('The tab inside Teams with single sign-on', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let key: SigningKey;

  before(async () => {
    key = await signingKey('sso-key');
    app = await startTestApp({ env: { ...SSO_ENV, IEV_MEMBER_IDS: IEV.id }, start: { authKeys: keySet(key) } });
    await seedFictionalPartners(app.services.database.containers, 30);
    browser = await sharedBrowser();
  });
  after(async () => {
    await app?.stop();
  });

  async function openInTeams(ssoToken: string | undefined, route: string) {
    const context = await loopbackContext(browser);
    const page = await context.newPage();
    const bearers: Array<{ path: string; authorization: string }> = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/'))
        bearers.push({ path: pathname, authorization: request.headers().authorization ?? '' });
    });
    const harnessUrl = `${app.url}/tab/teams-host-harness.html`;
    await page.route(harnessUrl, (route_) =>
      route_.fulfill({
        contentType: 'text/html',
        body: teamsHostHarness(`${app.url}/tab/index.html#/${route}`, {
          theme: 'default',
          frameContext: 'content',
          ...(ssoToken ? { ssoToken } : {}),
        }),
      }),
    );
    await page.goto(harnessUrl);
    return { page, tab: page.frameLocator('#tab'), bearers };
  }

  it('signs in with the Teams token, sends it on every call, and shows the register with no developer identity', async () => {
    const { page, tab, bearers } = await openInTeams(await accessToken(key, HOST), 'partners');
    await tab.getByText('Signed in as Hana Host (demo) (host)').waitFor();
    await tab.getByRole('list', { name: 'Partners' }).getByRole('listitem').first().waitFor();
    assert.equal(await tab.getByText('Developer identity').count(), 0);
    const signedCalls = bearers.filter((call) => call.path !== '/api/session');
    assert.deepEqual(signedCalls.map((call) => call.path).sort(), [
      '/api/me',
      '/api/partners',
      '/api/register/options',
    ]);
    assert.ok(
      signedCalls.every((call) => call.authorization.startsWith('Bearer ey')),
      'every API call carries the Teams token',
    );
    await screenshot(page, 'teams-sso-register');
    await page.context().close();
  });

  it('shows an IEV member signed in through Teams the emergency contact', async () => {
    const partner = fictionalPartner(6);
    const { page, tab } = await openInTeams(
      await accessToken(key, { id: IEV.id, name: 'Ivy IEV' }),
      `partners/${partner.id}`,
    );
    await tab.getByRole('heading', { name: 'Emergency contact' }).waitFor();
    await tab.getByText(partner.emergencyContact!.name).waitFor();
    await page.context().close();
  });

  it('explains plainly when Teams cannot sign the person in', async () => {
    const { page, tab } = await openInTeams(undefined, 'partners');
    await tab.getByText('Teams could not sign you in').waitFor();
    await page.context().close();
  });

  it('asks people to open it in Teams when it is opened in a plain browser', async () => {
    const context = await loopbackContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/tab/index.html?as=${HOST.id}#/partners`);
    await page.getByText('Open this in Microsoft Teams').waitFor();
    assert.equal(await page.getByText('Developer identity').count(), 0);
    await context.close();
  });
});
