import assert from 'node:assert/strict';
import { CosmosClient } from '@azure/cosmos';
import { createCosmosClient, ensureContainers, type Containers } from '../../storage/cosmos.js';
import { CosmosRepository, type StoredDocument } from '../../storage/repository.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { freshDatabaseName, sharedCosmos } from '../helpers/cosmos.js';

interface Note extends StoredDocument {
  readonly type: 'note';
  readonly subjectId: string;
  readonly text: string;
}

describe('Cosmos repository (real protocol, embedded server)', () => {
  let client: CosmosClient;
  let containers: Containers;
  let notes: CosmosRepository<Note>;
  const note = (id: string, text = 'first'): Note => ({
    id,
    type: 'note',
    schemaVersion: 1,
    subjectId: 'owner-1',
    text,
  });

  before(async () => {
    client = createCosmosClient(await sharedCosmos());
    ({ containers } = await ensureContainers(client, freshDatabaseName('repo')));
    // The audit container is partitioned by /subjectId: every note here lives in one partition.
    notes = new CosmosRepository<Note>(containers.audit, (item) => item.subjectId, 'note');
  });
  after(() => client.dispose());

  it('creates, reads, replaces and deletes a document', async () => {
    const { document, created } = await notes.create(note('n1'));
    assert.equal(created, true);
    assert.equal(document.text, 'first');
    assert.ok(document._etag, 'a read document carries its etag');
    const updated = await notes.replace({ ...note('n1'), text: 'second' }, document._etag);
    assert.equal((await notes.get('n1', 'owner-1')).text, 'second');
    assert.notEqual(updated._etag, document._etag);
    await notes.delete('n1', 'owner-1');
    assert.equal(await notes.find('n1', 'owner-1'), undefined);
  });

  it('reports a missing document as NotFoundError', async () => {
    await assert.rejects(notes.get('missing', 'owner-1'), NotFoundError);
  });

  it('turns a stale etag (412) into a ConflictError and keeps the newer write', async () => {
    const { document } = await notes.create(note('n2'));
    await notes.replace({ ...note('n2'), text: 'winner' }, document._etag);
    await assert.rejects(notes.replace({ ...note('n2'), text: 'loser' }, document._etag), ConflictError);
    assert.equal((await notes.get('n2', 'owner-1')).text, 'winner');
  });

  it('treats a repeated create with the same id as "already saved", never a duplicate', async () => {
    await notes.create(note('n3', 'original'));
    const again = await notes.create(note('n3', 'retry'));
    assert.equal(again.created, false);
    assert.equal(again.document.text, 'original');
    const count = await notes.queryValues<number>({ query: 'SELECT VALUE COUNT(1) FROM c WHERE c.id = "n3"' });
    assert.deepEqual(count, [1]);
  });

  it('pages through query results with continuation tokens', async () => {
    for (let index = 0; index < 7; index += 1) await notes.create({ ...note(`page-${index}`), text: `page ${index}` });
    const seen: string[] = [];
    let continuation: string | undefined;
    do {
      const page = await notes.queryPage(
        {
          query: 'SELECT * FROM c WHERE c.subjectId = @owner AND STARTSWITH(c.id, "page-") ORDER BY c.id',
          parameters: [{ name: '@owner', value: 'owner-1' }],
        },
        { pageSize: 3, continuation },
      );
      assert.ok(page.items.length <= 3);
      seen.push(...page.items.map((item) => item.id));
      continuation = page.continuation;
    } while (continuation);
    assert.deepEqual(seen, ['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6']);
  });
});
