import assert from 'node:assert/strict';
import type { CosmosClient } from '@azure/cosmos';
import { CONFLICT_ATTEMPTS, retryOnConflict } from '../../domain/concurrency.js';
import { ConflictError, StaleVersionError } from '../../domain/errors.js';
import { createCosmosClient, ensureContainers } from '../../storage/cosmos.js';
import { CosmosRepository, type StoredDocument } from '../../storage/repository.js';
import { freshDatabaseName, sharedCosmos } from '../helpers/cosmos.js';

interface Tally extends StoredDocument {
  readonly type: 'tally';
  readonly subjectId: string;
  readonly marks: readonly string[];
}

describe('optimistic concurrency: one helper for read, change, replace with the etag, retry on conflict', () => {
  let client: CosmosClient;
  let tallies: CosmosRepository<Tally>;

  before(async () => {
    client = createCosmosClient(await sharedCosmos());
    const { containers } = await ensureContainers(client, freshDatabaseName('concurrency'));
    tallies = new CosmosRepository<Tally>(containers.audit, (tally) => tally.subjectId, 'tally');
  });
  after(() => client.dispose());

  it('lands every one of five writers who read the same version at once, each change once', async () => {
    await tallies.create({ id: 'tally-1', type: 'tally', schemaVersion: 1, subjectId: 'owner', marks: [] });
    const mark = (letter: string) =>
      retryOnConflict(async () => {
        const { _etag, ...current } = await tallies.get('tally-1', 'owner');
        await tallies.replace({ ...current, marks: [...current.marks, letter] }, _etag);
      });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map(mark));
    assert.deepEqual([...(await tallies.get('tally-1', 'owner')).marks].sort(), ['a', 'b', 'c', 'd', 'e']);
  });

  it('reports a stale write after the agreed number of tries, and a rule conflict at once', async () => {
    let staleTries = 0;
    await assert.rejects(
      retryOnConflict(async () => {
        staleTries += 1;
        throw new StaleVersionError('changed meanwhile');
      }),
      StaleVersionError,
    );
    assert.equal(staleTries, CONFLICT_ATTEMPTS);

    let ruleTries = 0;
    await assert.rejects(
      retryOnConflict(async () => {
        ruleTries += 1;
        throw new ConflictError('This claim has already been sent.');
      }),
      /already been sent/,
    );
    assert.equal(ruleTries, 1);
  });
});
