import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { SCREENSHOT_DIR } from '../helpers/browser.js';
import { IEV } from '../helpers/users.js';
import { useTabBrowser } from '../tab/tab-page.js';
import { seedImpactExample } from './impact-example.js';
import { fictionalPartner } from '../../demo/demo-partners.js';

/** A table's body rows as [row header, figure]. */
async function tableRows(table: Locator): Promise<Array<[string, string]>> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('th')?.textContent?.trim() ?? '',
        row.querySelector('td')?.textContent?.trim() ?? '',
      ]),
    );
}

/** The bars a chart drew, as [label, value] from react-charts' own bar labels ("New this period. 9."). */
async function bars(panel: Locator): Promise<Array<[string, number]>> {
  const labels = await panel
    .locator('[inert] rect[role="option"]')
    .evaluateAll((rects) => rects.map((rect) => rect.getAttribute('aria-label') ?? ''));
  return labels.map((label) => {
    const [, name = '', value = ''] = /^(.*)\. ([\d,]+)\.$/.exec(label) ?? [];
    return [name, Number(value.replace(/,/g, ''))];
  });
}

/** A chart's label may be shortened with "…" when the panel is narrow; the table beside it has it in full. */
const sameLabel = (drawn: string, full: string) =>
  drawn.endsWith('\u2026') ? full.startsWith(drawn.slice(0, -1)) : drawn === full;

describe('"Is it working?" charts (headless Chromium)', function () {
  this.timeout(120_000);
  let app: TestApp;
  const { open } = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedImpactExample(app);
    // Summer 2026: all twenty fictional partners at one session, every one agreeing to equality monitoring:
    // 12 aged 65+, 5 aged 50-64 and 3 aged 18-24, so the age chart draws one bar and names two it may not draw.
    const { partners, plans } = app.services.database.containers;
    const everyone = Array.from({ length: 20 }, (_, index) => fictionalPartner(index));
    for (const [index, partner] of everyone.entries()) {
      const ageBand = index < 12 ? '65+' : index < 17 ? '50-64' : '18-24';
      await partners.items.upsert({
        ...partner,
        consent: { ...partner.consent, equalityMonitoring: { given: true, at: partner.registeredAt } },
        equality: { ageBand },
      });
    }
    const { resource } = await plans
      .item('impact-b', IEV.id)
      .read<Record<string, unknown> & { sessions: Array<Record<string, unknown>> }>();
    const partnerIds = everyone.map((partner) => partner.id);
    await plans.items.upsert({
      ...resource,
      id: 'impact-summer',
      title: 'Fictional work impact-summer',
      sessions: [{ ...resource!.sessions[0], id: 'impact-summer-session', date: '2026-08-01', partnerIds }],
      partnerIds,
    });
    return app;
  });

  const panelsOf = async (page: Page) => {
    await page.getByRole('list', { name: 'Headline figures' }).waitFor();
    // Each drawing is measured, then drawn.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[inert]')].every((drawing) => drawing.querySelector('svg')),
    );
    return page.locator('div:has(> table)').all();
  };

  it('draws each shown count as a bar beside its table, and never a suppressed one (it is named under the chart)', async () => {
    let mixed = 0;
    for (const period of [
      'from=2026-07-01&to=2026-09-30',
      'from=2026-01-01&to=2026-03-31',
      'from=2026-04-01&to=2026-06-30',
    ]) {
      const page = await open(`impact?${period}`, { as: IEV });
      for (const panel of await panelsOf(page)) {
        const table = panel.locator(':scope > table');
        const caption = await table.locator('caption').innerText();
        // Counts of people or work with their chart; money and the wider tables (quarters, areas, work) have none.
        if (caption === 'Money paid to partners' || (await table.locator('thead th').count()) !== 2) continue;
        const rows = await tableRows(table);
        const shown = rows.filter(([, figure]) => /^[\d,]+$/.test(figure));
        const suppressed = rows.filter(([, figure]) => /fewer than|hidden/.test(figure));
        assert.equal(shown.length + suppressed.length, rows.length, `${caption}: every row is a number or suppressed`);
        const drawn = await bars(panel);
        if (shown.some(([, figure]) => figure !== '0')) {
          // Drawn from the bottom up; the table reads from the top.
          const expected = shown.map(([label, figure]) => [label, Number(figure.replace(/,/g, ''))]).reverse();
          assert.equal(drawn.length, expected.length, `${caption}: one bar per shown count`);
          drawn.forEach(([label, value], index) => {
            assert.ok(
              sameLabel(label, String(expected[index]![0])),
              `${caption}: bar ${label} is ${expected[index]![0]}`,
            );
            assert.equal(value, expected[index]![1], `${caption}: ${label}`);
          });
        } else {
          assert.deepEqual(drawn, [], `${caption}: nothing to draw`);
        }
        for (const [label, figure] of suppressed) {
          assert.ok(!drawn.some(([name]) => sameLabel(name, label)), `${caption}: ${label} (${figure}) is not drawn`);
          assert.match(
            await panel.innerText(),
            new RegExp(`Not drawn, to protect privacy: .*${escape(label)} \\(${figure}\\)`),
          );
        }
        if (suppressed.length > 0 && shown.some(([, figure]) => figure !== '0')) {
          mixed += 1;
          await panel.screenshot({ path: join(SCREENSHOT_DIR, 'impact-chart-suppressed.png') });
        }
      }
    }
    assert.ok(mixed > 0, 'the example has a chart with both drawn and suppressed counts');
  });

  it('draws bars in proportion to the figures, in the theme\u2019s brand colour', async () => {
    const page = await open('impact?from=2026-01-01&to=2026-03-31', { as: IEV });
    await panelsOf(page);
    const panel = page
      .locator('div:has(> table)')
      .filter({ has: page.getByRole('table', { name: 'New faces and returning ones' }) });
    const widths = await panel
      .locator('[inert] rect[role="option"]')
      .evaluateAll((rects) =>
        rects.map((rect) => [
          rect.getAttribute('aria-label'),
          Number(rect.getAttribute('width')),
          rect.getAttribute('fill'),
        ]),
      );
    const width = (label: string) => widths.find(([name]) => name === label)![1] as number;
    // 9 new faces and 6 returning (the table's figures).
    assert.ok(
      Math.abs(width('New this period. 9.') / width('Took part before too. 6.') - 9 / 6) < 0.02,
      JSON.stringify(widths),
    );
    assert.deepEqual(new Set(widths.map(([, , fill]) => fill)), new Set(['var(--colorBrandBackground)']));
  });

  it('draws people quarter by quarter beside the quarters\u2019 table', async () => {
    const page = await open('impact?from=2026-01-01&to=2026-06-30', { as: IEV });
    await page.getByRole('table', { name: 'Quarter by quarter' }).waitFor();
    const labels = await page
      .locator('[inert]:has(svg[aria-label^="Vertical bar chart"]) rect[role="option"]')
      .evaluateAll((rects) => rects.map((rect) => rect.getAttribute('aria-label')));
    // 15 people in January to March and 7 in April to June, as the table says.
    assert.deepEqual(labels, [
      'Q1 2026 (Jan\u2013Mar). People who took part, 15.',
      'Q2 2026 (Apr\u2013Jun). People who took part, 7.',
    ]);
  });

  it('loads the charts only when the figures are opened, not with the register', async () => {
    const page = await open('partners', { as: IEV });
    const loaded = () =>
      page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    await page.getByRole('heading', { name: 'Involvement Partners' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(
      (await loaded()).filter((path) => path.includes('impact-view')),
      [],
    );
    await page.getByRole('link', { name: 'Is it working?' }).click();
    await page.locator('[inert] svg').first().waitFor();
    assert.ok((await loaded()).some((path) => /\/tab\/assets\/impact-view-.*\.js$/.test(path)));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
