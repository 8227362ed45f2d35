import type { Browser, Locator, Page } from 'playwright-core';
import { startPlayground, type Playground, type PlaygroundUser } from '../../scripts/agents-playground.js';
import { startTestApp, type TestApp, type TestAppOptions } from './app.js';
import { loopbackContext, sharedBrowser } from './browser.js';

export type { Playground, PlaygroundUser } from '../../scripts/agents-playground.js';

/** A person using the Playground's web UI in headless Chromium. */
export class PlaygroundPage {
  private constructor(
    readonly browser: Browser,
    readonly page: Page,
  ) {}

  /** A context of its own in the process's Chromium: each person's page keeps its own storage. */
  static async open(playground: Playground): Promise<PlaygroundPage> {
    const browser = await sharedBrowser();
    const context = await loopbackContext(browser, { viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(playground.url, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-lexical-editor="true"]').waitFor({ timeout: 30_000 });
    return new PlaygroundPage(browser, page);
  }

  /** Types a message in the composer and sends it with Enter. */
  async say(text: string): Promise<void> {
    const composer = this.page.locator('[data-lexical-editor="true"]');
    await composer.click();
    await composer.pressSequentially(text);
    await composer.press('Enter');
  }

  /** The most recent Adaptive Card in the conversation containing `text`. */
  card(text: string | RegExp): Locator {
    return this.page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  }

  async waitForCard(text: string | RegExp, timeout = 20_000): Promise<Locator> {
    const card = this.card(text);
    await card.waitFor({ state: 'visible', timeout });
    return card;
  }

  /** Presses a button on a card, by its title. */
  async press(card: Locator, title: string | RegExp): Promise<void> {
    await card.getByRole('button', { name: title }).first().click();
  }

  /** Opens a conversation in the left-hand list (for example a team channel). */
  async openConversation(name: string | RegExp): Promise<void> {
    await this.page.getByText(name).first().click();
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

export interface PlaygroundSession {
  readonly app: TestApp;
  readonly playground: Playground;
  readonly ui: PlaygroundPage;
  close(): Promise<void>;
}

/** A test app, the Playground pointed at it as `user`, and the Playground's page open in Chromium. */
export async function openPlaygroundSession(
  user: PlaygroundUser,
  options: TestAppOptions = {},
): Promise<PlaygroundSession> {
  const app = await startTestApp(options);
  const playground = await startPlayground(`${app.url}/api/messages`, user);
  const ui = await PlaygroundPage.open(playground);
  return {
    app,
    playground,
    ui,
    close: async () => {
      await ui.close();
      await playground.stop();
      await app.stop();
    },
  };
}

/** Several people's Playground clients against one app (each their own Playground and browser), closed together. */
export class PlaygroundClients {
  private readonly playgrounds: Playground[] = [];
  private readonly pages: PlaygroundPage[] = [];

  constructor(private readonly app: () => TestApp) {}

  async open(user: PlaygroundUser): Promise<PlaygroundPage> {
    const playground = await startPlayground(`${this.app().url}/api/messages`, user);
    this.playgrounds.push(playground);
    const page = await PlaygroundPage.open(playground);
    this.pages.push(page);
    return page;
  }

  async close(): Promise<void> {
    for (const page of this.pages) await page.close().catch(() => undefined);
    for (const playground of this.playgrounds) await playground.stop().catch(() => undefined);
  }
}

/** An IEV member makes the team's General channel the IEV channel: "@Involvement Hub set up IEV channel". */
export async function setUpIevChannel(ui: PlaygroundPage): Promise<void> {
  await ui.openConversation('General');
  const post = ui.page.locator('[data-lexical-editor="true"]').first();
  await post.click();
  await post.pressSequentially('@Inv');
  await ui.page
    .locator('div')
    .filter({ hasText: /^Involvement Hub$/ })
    .last()
    .click();
  await post.pressSequentially(' set up IEV channel');
  await ui.page.getByRole('button', { name: 'Post' }).click();
  await ui.waitForCard(/This is now the IEV channel/);
}
