import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../storage/database.js';
import { CosmosRepository, type StoredDocument } from '../../storage/repository.js';

interface Marker extends StoredDocument {
  readonly type: 'marker';
  readonly createdAt: string;
}

describe('local database persistence', () => {
  it('keeps every record across a stop and start of the embedded server', async () => {
    const persistDir = await mkdtemp(join(tmpdir(), 'hub-persist-'));
    const first = await openDatabase({ databaseId: 'persisted', persistDir });
    const markers = new CosmosRepository<Marker>(first.containers.directory, (item) => item.id);
    for (let index = 0; index < 25; index += 1) {
      await markers.create({
        id: `marker-${index}`,
        type: 'marker',
        schemaVersion: 1,
        createdAt: new Date().toISOString(),
      });
    }
    await first.close();

    const second = await openDatabase({ databaseId: 'persisted', persistDir });
    try {
      const restored = new CosmosRepository<Marker>(second.containers.directory, (item) => item.id);
      const ids = (await restored.queryAll({ query: 'SELECT * FROM c WHERE c.type = "marker"' }))
        .map((item) => item.id)
        .sort();
      assert.equal(ids.length, 25);
      assert.ok(ids.includes('marker-24'));
      assert.notEqual(first.endpoint, undefined);
    } finally {
      await second.close();
    }
  });
});
