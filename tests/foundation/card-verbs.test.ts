import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CardVerb } from '../../bot/cards/card-verb.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';
import { GENERAL_VERBS } from '../../bot/general/general-verbs.js';
import { OUTCOME_VERBS, PLAN_VERBS, SESSION_VERBS, SUPPORT_VERBS } from '../../bot/planning/planning-verbs.js';
import { NUDGE_VERBS } from '../../bot/schedule/nudge-verbs.js';
import { OPPORTUNITY_VERBS } from '../../bot/opportunities/opportunity-verbs.js';
import { createFeatures } from '../../server/features.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_FOLDERS = ['api', 'bench', 'bot', 'demo', 'domain', 'scripts', 'server', 'storage', 'tab/src', 'tests'];
const GROUPS: ReadonlyArray<Readonly<Record<string, CardVerb>>> = [
  CLAIM_VERBS,
  GENERAL_VERBS,
  PLAN_VERBS,
  SESSION_VERBS,
  OUTCOME_VERBS,
  SUPPORT_VERBS,
  NUDGE_VERBS,
  OPPORTUNITY_VERBS,
];
const DEFINED: readonly CardVerb[] = GROUPS.flatMap((verbs) => Object.values(verbs));
/** "help" is also what people type, so the word appears as a command and in chat tests; its verb is still declared once. */
const ALSO_TYPED_TEXT = new Set(['help']);

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('card verbs', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.stop());

  it('are each declared once, and each is answered by exactly one feature', () => {
    const verbs = DEFINED.map((definition) => definition.verb);
    assert.deepEqual(
      verbs.filter((verb, index) => verbs.indexOf(verb) !== index),
      [],
      'declared twice',
    );
    const routed = createFeatures(app.config, app.services, () => []).flatMap((feature) =>
      (feature.actions ?? []).map((action) => action.verb),
    );
    assert.deepEqual(
      routed.filter((verb, index) => routed.indexOf(verb) !== index),
      [],
      'answered twice',
    );
    assert.deepEqual([...routed].sort(), [...verbs].sort(), 'every declared verb is answered, and nothing else');
  });

  it('are written as text only in their declaration: cards, handlers and tests use the definition', () => {
    const files = SOURCE_FOLDERS.flatMap(sourceFiles).map((file) => ({
      file: relative(ROOT, file),
      text: readFileSync(file, 'utf8'),
    }));
    for (const verb of DEFINED.map((definition) => definition.verb).filter((verb) => !ALSO_TYPED_TEXT.has(verb))) {
      const quoted = new RegExp(`['"\`]${verb.replace('.', '\\.')}['"\`]`, 'g');
      const places = files.flatMap(({ file, text }) => Array.from(text.matchAll(quoted), () => file));
      assert.equal(places.length, 1, `"${verb}" is written in ${places.join(', ')}`);
    }
  });
});
