import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { formatComparison, type Benchmark } from './harness.js';
import { stopSharedCosmos } from '../tests/helpers/cosmos.js';

/** `npm run bench [filter]`: runs every bench/*.bench.ts (each exports `benchmark`) and prints ratios. */
const folder = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
const files = (await readdir(folder))
  .filter((file) => file.endsWith('.bench.ts') && (!filter || file.includes(filter)))
  .sort();

for (const file of files) {
  const { benchmark } = (await import(pathToFileURL(join(folder, file)).href)) as { benchmark: Benchmark };
  process.stdout.write(`\n# ${benchmark.name}\n`);
  for (const comparison of await benchmark.run()) process.stdout.write(`${formatComparison(comparison)}\n`);
}
await stopSharedCosmos();
process.exit(0);
