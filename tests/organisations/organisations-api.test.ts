import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { CommunityOrganisation, OrganisationDirectory } from '../../contract/organisations.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { plainProblem } from '../helpers/problems.js';
import { HOST, IEV, OTHER } from '../helpers/users.js';

const CARERS = {
  name: 'Brookside Carers Network (test)',
  groups: ['carers', 'age'],
  areas: ['Brookside', 'Trust-wide'],
  email: 'hello@carers.example.org',
  phone: '01632 960 111',
  website: 'https://carers.example.org',
  contactPerson: 'Connie Contact (test)',
  notes: 'Coffee morning on Tuesdays.',
  lastCheckedOn: '2026-06-01',
};

const HEADINGS = 'Name,Groups,Areas,Email,Phone,Website,Contact person,Notes,Last checked';

describe('The community organisations directory: IEV keeps it, hosts read it', function () {
  this.timeout(60_000);
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await app.services.directoryStore.savePerson({ userId: OTHER.id, displayName: OTHER.name, roles: ['viewer'] });
  });
  afterEach(() => app.stop());

  const send = (path: string, as: typeof IEV, method: string, body?: unknown) =>
    app.api(path, { as, method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const add = (body: Record<string, unknown>, as = IEV) =>
    send('/api/organisations', as, 'POST', { operationId: randomUUID(), ...body });
  const list = async (as = IEV) => {
    const { status, body } = await app.getJson<OrganisationDirectory>('/api/organisations', as);
    assert.equal(status, 200);
    return body;
  };
  const importCsv = (csv: string, as = IEV) =>
    send('/api/organisations/import', as, 'POST', { csv, importId: randomUUID() });

  it('IEV adds, changes, marks checked and removes; hosts see it without the named contact; others see nothing', async () => {
    const added = await add(CARERS);
    assert.equal(added.status, 201);
    const organisation = (await added.json()) as CommunityOrganisation;
    assert.equal(organisation.contactPerson, 'Connie Contact (test)');

    const forHost = await list(HOST);
    assert.equal(forHost.canEdit, false);
    assert.deepEqual(
      forHost.items.map((item) => [item.name, item.groups, item.email, item.contactPerson]),
      [['Brookside Carers Network (test)', ['carers', 'age'], 'hello@carers.example.org', undefined]],
      'a named contact is personal data: hosts do not see it',
    );
    assert.ok(forHost.groups.some((group) => group.value === 'veterans' && group.title === 'Armed forces veterans'));
    const other = await app.api('/api/organisations', { as: OTHER });
    assert.equal(other.status, 403);
    await plainProblem(other, 'viewer');

    const changed = await send(`/api/organisations/${organisation.id}`, IEV, 'PUT', {
      ...CARERS,
      groups: ['carers', 'veterans'],
      version: organisation.version,
    });
    assert.equal(changed.status, 200);
    const stale = await send(`/api/organisations/${organisation.id}`, IEV, 'PUT', {
      ...CARERS,
      name: 'Overwritten (test)',
      version: organisation.version,
    });
    assert.equal(stale.status, 409, 'a change made since the form was filled in is not overwritten');
    await plainProblem(stale, 'stale change');

    const checked = await send(`/api/organisations/${organisation.id}/checked`, IEV, 'POST');
    assert.equal(checked.status, 200);
    const [stored] = (await list()).items;
    assert.deepEqual(stored!.groups, ['carers', 'veterans']);
    assert.equal(stored!.lastCheckedOn, new Date().toISOString().slice(0, 10));
    assert.equal(stored!.checkDue, false);

    assert.equal((await send(`/api/organisations/${organisation.id}`, IEV, 'DELETE')).status, 204);
    assert.deepEqual((await list()).items, []);
    assert.equal((await send(`/api/organisations/${organisation.id}`, IEV, 'DELETE')).status, 204, 'gone is gone');
  });

  it('refuses hosts every change, and changes nothing', async () => {
    const organisation = (await (await add(CARERS)).json()) as CommunityOrganisation;
    const attempts = [
      await add({ ...CARERS, name: 'Host added (test)' }, HOST),
      await send(`/api/organisations/${organisation.id}`, HOST, 'PUT', { ...CARERS, version: organisation.version }),
      await send(`/api/organisations/${organisation.id}`, HOST, 'DELETE'),
      await send(`/api/organisations/${organisation.id}/checked`, HOST, 'POST'),
      await importCsv(`${HEADINGS}\nHost import (test),Carers,,,,,,,`, HOST),
      await importCsv('Name,Groups\n"not even CSV,', HOST),
    ];
    for (const [index, response] of attempts.entries()) {
      assert.equal(response.status, 403, `attempt ${index}`);
      assert.match((await plainProblem(response, `host attempt ${index}`)).detail, /Only members of the IEV team/);
    }
    const [kept] = (await list()).items;
    assert.deepEqual([kept!.name, kept!.version, (await list()).items.length], [CARERS.name, organisation.version, 1]);
  });

  it('says what is wrong with each field of a form, in plain words', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ ...CARERS, name: '  ' }, 'name', /Enter the organisation’s name/],
      [{ ...CARERS, groups: [] }, 'groups', /at least one group/],
      [{ ...CARERS, groups: ['carers', 'pirates'] }, 'groups', /“pirates” is not one of the groups/],
      [{ ...CARERS, groups: [7] }, 'groups.0', /Name each group/],
      [{ ...CARERS, email: 'not an email' }, 'email', /email address like/],
      [{ ...CARERS, phone: 'call me' }, 'phone', /phone number/],
      [{ ...CARERS, website: 'javascript:alert(1)' }, 'website', /https:\/\//],
      [{ ...CARERS, lastCheckedOn: '31/02/2026' }, 'lastCheckedOn', /like 2026-03-31/],
      [{ ...CARERS, lastCheckedOn: '2999-01-01' }, 'lastCheckedOn', /cannot be in the future/],
      [{ ...CARERS, notes: 'x'.repeat(1001) }, 'notes', /1,000 characters/],
      [{ ...CARERS, role: 'iev' }, 'form', /does not ask for/],
    ];
    for (const [body, field, message] of cases) {
      const response = await add(body);
      assert.equal(response.status, 400, field);
      const problem = await plainProblem(response, field);
      const found = problem.errors?.find((error) => error.field === field);
      assert.ok(found, `${field}: ${JSON.stringify(problem.errors)}`);
      assert.match(found.message, message);
    }
    assert.equal((await add(CARERS)).status, 201);
    const twice = await add({ ...CARERS, name: ' brookside  carers NETWORK (test) ' });
    assert.equal(twice.status, 400);
    assert.match((await plainProblem(twice, 'same name')).errors![0]!.message, /already in the directory/);
    const operationId = randomUUID();
    for (let press = 0; press < 2; press += 1)
      await send('/api/organisations', IEV, 'POST', { ...CARERS, name: 'Pressed twice (test)', operationId });
    assert.equal((await list()).items.length, 2, 'Save pressed twice adds it once');
  });

  it('imports a good CSV whole: quoted cells, group titles or keys, UK dates, a byte-order mark', async () => {
    const csv = [
      `\ufeff${HEADINGS}`,
      '"Riverside Welcome (test)","Refugees, asylum seekers and migrants; language",Riverside;Millbrook,drop-in@welcome.example.org,01632 960 606,,,"Thursdays; bring ""easy read""",15/03/2026',
      'Northgate Veterans (test),Armed forces veterans,Northgate,,,https://veterans.example.org,,,',
      '',
    ].join('\r\n');
    const importId = randomUUID();
    const response = await send('/api/organisations/import', IEV, 'POST', { csv, importId });
    assert.equal(response.status, 201, await response.clone().text());
    assert.deepEqual(await response.json(), { added: 2 });
    const again = await send('/api/organisations/import', IEV, 'POST', { csv, importId });
    assert.equal(again.status, 201, 'the same import sent again (its answer lost) finishes it rather than failing');
    assert.equal((await list()).items.length, 2, 'and adds nothing twice');
    const items = (await list()).items;
    assert.deepEqual(
      items.map((item) => [item.name, item.groups, item.areas, item.notes, item.lastCheckedOn, item.checkDue]),
      [
        ['Northgate Veterans (test)', ['veterans'], ['Northgate'], undefined, undefined, true],
        [
          'Riverside Welcome (test)',
          ['refugees', 'language'],
          ['Riverside', 'Millbrook'],
          'Thursdays; bring "easy read"',
          '2026-03-15',
          items[1]!.checkDue,
        ],
      ],
    );
  });

  it('refuses a CSV with bad rows whole, naming each row and what is wrong, and imports nothing', async () => {
    await add(CARERS);
    const csv = [
      HEADINGS,
      'Good Org (test),Carers,,,,,,"Meets on Tuesdays,\nat the library",',
      ',Carers,,,,,,,',
      'Pirate Club (test),Pirates;Carers,,,,,,,',
      'Bad Email (test),Carers,,not-an-email,,,,,',
      'Brookside Carers Network (test),Carers,,,,,,,',
      'Good Org (test),Age,,,,,,,',
      'Old Date (test),Age,,,,,,,32/13/2026',
    ].join('\n');
    const response = await importCsv(csv);
    assert.equal(response.status, 400);
    const problem = await plainProblem(response, 'bad rows');
    assert.match(problem.detail, /^6 problems in the file, so nothing was imported/);
    assert.deepEqual(
      problem.errors!.map((error) => error.message),
      [
        'Row 3, Name: Enter the organisation\u2019s name.',
        'Row 4: \u201cPirates\u201d is not one of the groups a plan can set out to reach.',
        'Row 5, Email: Enter an email address like hello@example.org.',
        'Row 6: \u201cBrookside Carers Network (test)\u201d is already in the directory.',
        'Row 7: \u201cGood Org (test)\u201d is already in row 2 of this file.',
        'Row 8, Last checked: Enter the date last checked as a date, like 2026-03-31.',
      ],
      'every problem at once, in the order of the file, by the row a spreadsheet shows',
    );
    assert.equal((await list()).items.length, 1, 'nothing of the file was imported');
  });

  it('refuses files it cannot read, with a message about the file', async () => {
    const cases: Array<[string, RegExp]> = [
      ['Name,Groups\n"Unclosed quote,Carers\n', /could not be read as CSV/],
      ['Name,Groups,Favourite colour\nA (test),Carers,Blue\n', /not ones we know: “Favourite colour”/],
      ['Name,Areas\nA (test),Ashton\n', /needs the column Groups/],
      [`${HEADINGS}\n`, /no organisations/],
      ['Name,Groups\nA (test),Carers,extra\n', /could not be read as CSV/],
      [`${HEADINGS}\n${Array.from({ length: 501 }, (_, i) => `Org ${i},Carers,,,,,,,`).join('\n')}`, /at most 500/],
    ];
    for (const [csv, message] of cases) {
      const response = await importCsv(csv);
      assert.equal(response.status, 400, String(message));
      assert.match((await plainProblem(response, String(message))).detail, message);
    }
    const tooBig = await importCsv(`${HEADINGS}\n${'x'.repeat(100_001)}`);
    assert.equal(tooBig.status, 400);
    assert.match((await plainProblem(tooBig, 'too big')).errors![0]!.message, /larger than 100 KB/);
    assert.deepEqual((await list()).items, []);
  });
});
