import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Writes a Bicep deployment's outputs into env/.env.<env>, as the Agents Toolkit does after `arm/deploy`,
 * so the package step reads this deployment's values without anyone copying them by hand:
 *
 *   az deployment group show -g <rg> -n involvement-hub --query properties.outputs -o json \
 *     | npm run --silent env:outputs -- --env dev
 */

export type DeploymentOutputs = Readonly<Record<string, { readonly type?: string; readonly value: unknown }>>;

/** Replaces each output's line in the env file (or appends it), keeping comments and every other line. */
export function applyOutputs(envText: string, outputs: DeploymentOutputs): { text: string; written: string[] } {
  const lines = envText.replace(/\n$/, '').split('\n');
  const written: string[] = [];
  for (const [name, output] of Object.entries(outputs)) {
    // Only plain string outputs named like environment variables; objects and secrets never go in.
    if (!/^[A-Z][A-Z0-9_]*$/.test(name) || typeof output.value !== 'string' || /[\r\n]/.test(output.value)) continue;
    const line = `${name}=${output.value}`;
    const index = lines.findIndex((existing) => existing.startsWith(`${name}=`));
    if (index >= 0) lines[index] = line;
    else lines.push(line);
    written.push(name);
  }
  return { text: `${lines.join('\n')}\n`, written };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { env: { type: 'string', short: 'e', default: 'dev' } } });
  if (!/^[a-z0-9-]+$/i.test(values.env)) {
    process.stderr.write(`--env must be a simple name such as dev or prod\n`);
    process.exit(2);
  }
  const envPath = join(fileURLToPath(new URL('..', import.meta.url)), 'env', `.env.${values.env}`);
  let outputs: DeploymentOutputs;
  try {
    outputs = JSON.parse(readFileSync(0, 'utf8')) as DeploymentOutputs;
  } catch {
    process.stderr.write(
      'Pipe in the deployment outputs as JSON: az deployment group show ... --query properties.outputs -o json\n',
    );
    process.exit(2);
  }
  const { text, written } = applyOutputs(readFileSync(envPath, 'utf8'), outputs);
  writeFileSync(envPath, text);
  process.stdout.write(`Updated env/.env.${values.env}: ${written.join(', ') || 'nothing (no outputs)'}\n`);
}
