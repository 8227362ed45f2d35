import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';

interface Directory {
  items: Array<{ id: string; name: string; version: string }>;
}
interface Problem {
  errors?: Array<{ field: string; message: string }>;
}

const details = (name: string) => ({ name, groups: ['carers'], areas: ['Brookside'], email: 'hello@example.org' });

/**
 * The duplicate-name check read the directory before writing, so two colleagues adding the same organisation at
 * the same moment both passed it. A name is now held by one organisation (a claim document, the directory's
 * unique key), confirmed after the organisation is written.
 */
describe('Community organisations: one entry per name, also when two colleagues add it at the same moment', function () {
  this.timeout(120_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  });
  after(() => app?.stop());

  const add = (name: string) =>
    app.api('/api/organisations', {
      as: IEV,
      method: 'POST',
      body: JSON.stringify({ operationId: randomUUID(), ...details(name) }),
    });
  const named = async (name: string) =>
    (await app.getJson<Directory>('/api/organisations', IEV)).body.items.filter(
      (item) => item.name.toLowerCase() === name.toLowerCase(),
    );

  it('stores one of two simultaneous adds of a name; the other is told it is already there', async () => {
    for (let round = 1; round <= 6; round += 1) {
      const name = `Riverside Carers ${round} (test)`;
      const answers = await Promise.all([add(name), add(name.toUpperCase()), add(` ${name}  `)]);
      assert.equal(
        (await named(name)).length,
        1,
        `round ${round}: one entry (${answers.map((a) => a.status).join(', ')})`,
      );
      assert.equal(answers.filter((answer) => answer.status === 201).length, 1, `round ${round}: one add succeeds`);
      for (const refused of answers.filter((answer) => answer.status !== 201)) {
        assert.equal(refused.status, 400);
        const problem = (await refused.json()) as Problem;
        assert.match(problem.errors?.[0]?.message ?? '', /is already in the directory\. Edit that entry instead\./);
      }
    }
  });

  it('an import and an add of the same name at the same moment: one entry, and a refused import adds nothing', async () => {
    for (let round = 1; round <= 4; round += 1) {
      const name = `Hillside Carers ${round} (test)`;
      const csv = `Name,Groups,Areas\n${name},carers,Brookside\nHillside Other ${round} (test),carers,Brookside\n`;
      const [imported, added] = await Promise.all([
        app.api('/api/organisations/import', {
          as: IEV,
          method: 'POST',
          body: JSON.stringify({ csv, importId: randomUUID() }),
        }),
        add(name),
      ]);
      assert.equal((await named(name)).length, 1, `round ${round}: one entry (${imported.status}, ${added.status})`);
      for (const answer of [imported, added]) assert.ok([200, 201, 400].includes(answer.status), `${answer.status}`);
      assert.equal([imported, added].filter((answer) => answer.status < 300).length, 1, `round ${round}: one wins`);
      assert.equal(
        (await named(`Hillside Other ${round} (test)`)).length,
        imported.status < 300 ? 1 : 0,
        'all of the file or none of it',
      );
    }
  });

  it('frees a name when its organisation is renamed or removed, and refuses a rename onto a name in use', async () => {
    const [first] = await named('Riverside Carers 1 (test)');
    const [second] = await named('Riverside Carers 2 (test)');
    const rename = (item: { id: string; version: string }, name: string) =>
      app.api(`/api/organisations/${item.id}`, {
        as: IEV,
        method: 'PUT',
        body: JSON.stringify({ ...details(name), version: item.version }),
      });
    assert.equal((await rename(first!, 'Riverside Carers 2 (test)')).status, 400, 'taken');
    assert.equal((await rename(first!, 'Riverside Carers Renamed (test)')).status, 200);
    assert.equal((await add('Riverside Carers 1 (test)')).status, 201, 'the old name is free again');
    assert.equal((await app.api(`/api/organisations/${second!.id}`, { as: IEV, method: 'DELETE' })).status, 204);
    assert.equal((await add('Riverside Carers 2 (test)')).status, 201, 'a removed organisation\u2019s name is free');
  });
});
