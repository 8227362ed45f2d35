import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seedDemoOrganisations } from '../../demo/demo-organisations.js';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { HOST, IEV } from '../helpers/users.js';
import { axeViolations, describeViolations, useTabBrowser, type Theme } from '../tab/tab-page.js';

const HEADINGS = 'Name,Groups,Areas,Email,Phone,Website,Contact person,Notes,Last checked';

describe('The community organisations view in the tab', function () {
  this.timeout(180_000);
  let app: TestApp;
  const tab = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedDemoOrganisations(app.services);
    return app;
  });

  const assertAccessible = async (page: Page, where: string) => {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${where}:\n${describeViolations(violations)}`);
  };
  const item = (page: Page, name: string) =>
    page.getByRole('list', { name: 'Community organisations' }).getByRole('listitem').filter({ hasText: name });
  const csvFile = async (name: string, text: string) => {
    const path = join(await mkdtemp(join(tmpdir(), 'organisations-csv-')), name);
    await writeFile(path, text);
    return path;
  };

  for (const theme of ['default', 'dark', 'contrast'] as Theme[]) {
    it(`lists the directory with old details flagged, accessible in the ${theme} theme`, async () => {
      const page = await tab.open('organisations', { as: IEV, theme });
      await page.getByRole('heading', { name: 'Community organisations', level: 2 }).waitFor();
      const veterans = item(page, 'Northgate Veterans\u2019 Breakfast Club (demo)');
      await veterans.getByText('Check due: not checked for over a year').waitFor();
      assert.equal(await item(page, 'Millbrook Carers\u2019 Hub (demo)').getByText('Check due').count(), 0);
      await page.getByText('One organisation has details not checked for over a year.').waitFor();
      await assertAccessible(page, theme);
      await screenshot(page, `organisations-${theme}`, { fullPage: true });
    });
  }

  it('lets IEV add one (with each problem next to its field), edit it, mark it checked and remove it', async () => {
    const page = await tab.open('organisations', { as: IEV });
    await page.getByRole('button', { name: 'Add an organisation' }).click();
    const form = page.getByRole('form', { name: 'Add an organisation' });
    await form.getByLabel('Email').fill('not an email');
    await form.getByRole('button', { name: 'Add to the directory' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Enter the organisation\u2019s name.' }).waitFor();
    await summary.getByRole('link', { name: 'Choose at least one group they reach.' }).waitFor();
    await summary.getByRole('link', { name: 'Enter an email address like hello@example.org.' }).waitFor();
    await assertAccessible(page, 'form with problems');
    await screenshot(page, 'organisations-form-problems', { fullPage: true });

    await form.getByLabel('Name').fill('Hillside Deaf Club (test)');
    await form.getByRole('checkbox', { name: 'Disability', exact: true }).check();
    await form.getByLabel('People who speak little English').check();
    await form.getByLabel('Areas they reach').fill('Hillside, Northgate');
    await form.getByLabel('Email').fill('club@deaf.example.org');
    await form.getByLabel('Contact person').fill('Dee Signer (test)');
    await form.getByRole('button', { name: 'Add to the directory' }).click();
    await page.getByText('Hillside Deaf Club (test) is saved in the directory.').waitFor();
    const added = item(page, 'Hillside Deaf Club (test)');
    await added.getByText('Disability, People who speak little English').waitFor();
    await added.getByText('Hillside, Northgate').waitFor();
    await added.getByText('Dee Signer (test)').waitFor();

    await added.getByRole('button', { name: 'Edit Hillside Deaf Club (test)' }).click();
    const edit = page.getByRole('form', { name: 'Edit Hillside Deaf Club (test)' });
    await edit.getByLabel('Last checked').fill('2024-02-01');
    await edit.getByLabel('Notes').fill('BSL interpreters on Friday evenings.');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Hillside Deaf Club (test) is saved in the directory.').waitFor();
    await added.getByText('BSL interpreters on Friday evenings.').waitFor();
    await added.getByText('Check due: not checked for over a year').waitFor();

    await added.getByRole('button', { name: 'Mark checked today: Hillside Deaf Club (test)' }).click();
    await page.getByText('Hillside Deaf Club (test) is marked as checked today.').waitFor();
    assert.equal(await added.getByText('Check due').count(), 0);
    const stored = (await app.services.organisations.list({ id: IEV.id, displayName: IEV.name, roles: ['iev'] })).items;
    const saved = stored.find((organisation) => organisation.name === 'Hillside Deaf Club (test)');
    assert.deepEqual(
      [saved?.groups, saved?.areas, saved?.notes, saved?.lastCheckedOn],
      [
        ['disability', 'language'],
        ['Hillside', 'Northgate'],
        'BSL interpreters on Friday evenings.',
        new Date().toISOString().slice(0, 10),
      ],
    );

    await added.getByRole('button', { name: 'Remove Hillside Deaf Club (test)' }).click();
    await added.getByRole('button', { name: 'Yes, remove it: Hillside Deaf Club (test)' }).click();
    await page.getByText('Hillside Deaf Club (test) is no longer in the directory.').waitFor();
    assert.equal(await item(page, 'Hillside Deaf Club (test)').count(), 0);
  });

  it('imports a CSV: a bad file is refused whole with each row named, a good one is listed', async () => {
    const page = await tab.open('organisations', { as: IEV });
    await page.getByRole('heading', { name: 'Import from a CSV file' }).waitFor();
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles(
        await csvFile(
          'bad.csv',
          `${HEADINGS}\nGood Group (test),Carers,,,,,,,\n,Carers,,,,,,,\nBad Mail (test),Carers,,nope,,,,,\n`,
        ),
      );
    await page.getByRole('button', { name: 'Import' }).click();
    const problems = page.getByRole('list', { name: 'Problems in the file' });
    await problems.getByText('Row 3, Name: Enter the organisation\u2019s name.').waitFor();
    await problems.getByText('Row 4, Email: Enter an email address like hello@example.org.').waitFor();
    await page.getByText('2 problems in the file, so nothing was imported.').waitFor();
    assert.equal(await item(page, 'Good Group (test)').count(), 0);
    await assertAccessible(page, 'import problems');
    await screenshot(page, 'organisations-import-problems', { fullPage: true });

    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles(
        await csvFile(
          'good.csv',
          `${HEADINGS}\nGood Group (test),Carers; Armed forces veterans,Eastfield,,01632 960 999,,,,01/02/2026\n`,
        ),
      );
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('One organisation imported.').waitFor();
    await item(page, 'Good Group (test)').getByText('Carers, Armed forces veterans').waitFor();
  });

  it('shows hosts the directory to read: no buttons, no named contact', async () => {
    const page = await tab.open('organisations', { as: HOST });
    const carers = item(page, 'Millbrook Carers\u2019 Hub (demo)');
    await carers.getByText('01632 960 101').waitFor();
    assert.equal(await carers.getByText('Cara Carewell').count(), 0);
    assert.equal(await page.getByRole('button', { name: /Edit|Remove|Add an organisation|Import/ }).count(), 0);
    await page.getByLabel('Show organisations that reach').selectOption({ label: 'Armed forces veterans' });
    await item(page, 'Northgate Veterans\u2019 Breakfast Club (demo)').waitFor();
    assert.equal(await carers.count(), 0);
    await assertAccessible(page, 'host');
    await screenshot(page, 'organisations-host', { fullPage: true });
  });

  it('reflows to a 320 px side panel without scrolling sideways', async () => {
    const page = await tab.open('organisations', { as: IEV, width: 320 });
    await item(page, 'Millbrook Carers\u2019 Hub (demo)').getByText('hello@carers-hub.example.org').waitFor();
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 1)
        .slice(0, 3)
        .map((element) => `${element.tagName}.${element.className}`.slice(0, 80));
      return { by: document.documentElement.scrollWidth - width, wide };
    });
    await screenshot(page, 'organisations-narrow', { fullPage: true });
    assert.ok(overflow.by <= 0, `the page scrolls sideways by ${overflow.by} px: ${overflow.wide.join(', ')}`);
    await assertAccessible(page, '320 px');
    await screenshot(page, 'organisations-narrow');
  });
});
