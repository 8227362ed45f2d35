import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV, OTHER } from '../helpers/users.js';
import { seedImpactExample } from './impact-example.js';

const PERIOD = 'from=2026-01-01&to=2026-03-31';
/** pdf.js reads the standard fonts' metrics from its own package. */
const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

interface StructNode {
  readonly role?: string;
  readonly children?: readonly StructNode[];
}

function roles(node: StructNode | null): string[] {
  if (!node) return [];
  return [...(node.role ? [node.role] : []), ...(node.children ?? []).flatMap(roles)];
}

/** The PDF as a reader gets it: its title, each page's text, and the tags of its structure tree. */
async function readPdf(bytes: Uint8Array): Promise<{ title: string; text: string; tags: string[] }> {
  const pdf = await getDocument({ data: bytes, standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false }).promise;
  const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
  let text = '';
  const tags: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    text += content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : '')).join('');
    tags.push(...roles((await page.getStructTree()) as StructNode | null));
  }
  await pdf.destroy();
  return { title: info.Title ?? '', text: text.replace(/\s+/g, ' '), tags };
}

describe('the board report (CSV and tagged PDF)', function () {
  this.timeout(60_000);
  let app: TestApp;
  const download = async (query: string, as = IEV) => {
    const response = await app.api(`/api/impact/board-report?${query}`, { as });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      disposition: response.headers.get('content-disposition') ?? '',
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  };

  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await app.services.directoryStore.savePerson({ userId: OTHER.id, displayName: OTHER.name, roles: ['viewer'] });
    await seedImpactExample(app);
  });
  after(() => app?.stop());

  it('exports the period\u2019s figures as CSV with the title, the period and the suppression note', async () => {
    const file = await download(`${PERIOD}&format=csv`);
    assert.equal(file.status, 200);
    assert.match(file.type, /^text\/csv/);
    assert.match(file.disposition, /involvement-board-report-2026-01-01-to-2026-03-31\.csv/);
    const csv = new TextDecoder().decode(file.bytes);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'Is involvement working? Board report for the whole Trust');
    assert.equal(lines[1], '"1 January 2026 to 31 March 2026, the whole Trust"');
    assert.match(lines[2]!, /fewer than 5/);
    // The seeded quarter (tests/impact/impact-example.ts): 15 people, 9 new, 6 returning; £60.00 expenses.
    assert.ok(lines.includes('People who took part,15'), csv.slice(0, 600));
    assert.ok(lines.includes('New faces,9'));
    assert.ok(lines.includes('Returning,6'));
    assert.ok(lines.includes('Expenses paid back,£60.00'));
    // Each table named once: the headline table under its own name, the others under their section.
    assert.ok(lines.includes('Headline figures'));
    assert.ok(!lines.includes('Headline figures: Headline figures'));
    assert.ok(lines.some((line) => line.startsWith('Who took part (equality monitoring): ')));
  });

  it('exports a tagged PDF: it opens, its text is extractable, it names the period and the suppression rule', async () => {
    const file = await download(`${PERIOD}&format=pdf`);
    assert.equal(file.status, 200);
    assert.equal(file.type, 'application/pdf');
    const pdf = await readPdf(file.bytes);
    assert.equal(pdf.title, 'Is involvement working? Board report for the whole Trust');
    assert.match(pdf.text, /1 January 2026 to 31 March 2026/);
    assert.match(pdf.text, /a count of 1 to 4 people is shown as "fewer than 5"/);
    assert.match(pdf.text, /People who took part 15/);
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD'])
      assert.ok(pdf.tags.includes(tag), `the PDF is tagged ${tag} (it has ${[...new Set(pdf.tags)].join(', ')})`);
  });

  it('gives one service area\u2019s figures for a channel tab pinned for it', async () => {
    const file = await download(`${PERIOD}&format=csv&serviceArea=${encodeURIComponent('Older people')}`);
    const csv = new TextDecoder().decode(file.bytes);
    assert.match(csv.split('\r\n')[0]!, /Board report for Older people/);
    assert.match(csv, /No sessions or paid claims in this service area/);
  });

  it('refuses someone who can only view, and a format it does not make', async () => {
    assert.equal((await download(`${PERIOD}&format=csv`, OTHER)).status, 403);
    assert.equal((await download(`${PERIOD}&format=docx`)).status, 400);
  });
});
