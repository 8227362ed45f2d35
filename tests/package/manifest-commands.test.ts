import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandRoute, ConversationKind } from '../../bot/feature.js';
import { createFeatures } from '../../server/features.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const MANIFEST = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../appPackage/manifest.json', import.meta.url)), 'utf8'),
) as {
  bots: Array<{ commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }> }>;
};

/** Teams' manifest scope for each kind of conversation the bot tells apart. */
const MANIFEST_SCOPE: Record<ConversationKind, string> = {
  personal: 'personal',
  channel: 'team',
  groupChat: 'groupChat',
};
const ALL_KINDS: ConversationKind[] = ['personal', 'channel', 'groupChat'];
/** Teams shows at most ten commands per scope. */
const MAX_COMMANDS = 10;

function manifestTitles(scope: string): string[] {
  return MANIFEST.bots[0]!.commandLists.filter((list) => list.scopes.includes(scope)).flatMap((list) =>
    list.commands.map((command) => command.title),
  );
}

describe('the manifest command menu', () => {
  let app: TestApp;
  let commands: CommandRoute[];
  before(async () => {
    app = await startTestApp();
    commands = createFeatures(app.config, app.services, () => []).flatMap((feature) => feature.commands ?? []);
  });
  after(async () => app?.stop());

  for (const kind of ALL_KINDS) {
    const scope = MANIFEST_SCOPE[kind];

    it(`offers in the ${scope} menu only commands the bot understands there`, () => {
      const routes = commands.filter((route) => !route.scopes || route.scopes.includes(kind));
      for (const title of manifestTitles(scope)) {
        assert.ok(
          routes.some((route) => route.patterns.some((pattern) => pattern.test(title))),
          `"${title}" is in the ${scope} command menu, but typing it there matches no bot command`,
        );
      }
    });

    it(`lists every help-card command meant for the ${scope} menu (up to Teams' limit of ${MAX_COMMANDS})`, () => {
      // Commands scoped to this kind of conversation must be in its menu; unscoped ones are checked below.
      const listed = commands.filter((route) => route.listed !== false && route.scopes?.includes(kind));
      const titles = manifestTitles(scope).map((title) => title.toLowerCase());
      const missing = listed
        .filter((route) => !titles.includes(route.command.toLowerCase()))
        .map((route) => route.command);
      if (titles.length < MAX_COMMANDS)
        assert.deepEqual(missing, [], `add to the ${scope} command list in appPackage/manifest.json`);
      assert.ok(titles.length <= MAX_COMMANDS);
    });
  }

  it('lists every help-card command that works anywhere in at least one menu', () => {
    const everywhere = new Set(
      ALL_KINDS.flatMap((kind) => manifestTitles(MANIFEST_SCOPE[kind])).map((title) => title.toLowerCase()),
    );
    const missing = commands
      .filter((route) => route.listed !== false && !route.scopes && !everywhere.has(route.command.toLowerCase()))
      .map((route) => route.command);
    assert.deepEqual(missing, [], 'add these to a command list in appPackage/manifest.json');
  });

  it('describes each command in the menu as the help card does', () => {
    const helpText = new Map(app.app.bot.helpTopics().map((topic) => [topic.command.toLowerCase(), topic.description]));
    for (const list of MANIFEST.bots[0]!.commandLists) {
      for (const command of list.commands) {
        const description = helpText.get(command.title.toLowerCase());
        if (description) assert.equal(command.description, description, `description of "${command.title}"`);
      }
    }
  });
});
