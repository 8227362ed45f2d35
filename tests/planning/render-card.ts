import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

interface RenderableCard {
  parse(json: unknown, context?: unknown): void;
  render(): HTMLElement | undefined;
  onExecuteAction?: (action: { getJsonTypeName(): string; verb?: string; data?: unknown }) => void;
}

interface RendererModule {
  AdaptiveCard: (new () => RenderableCard) & {
    onProcessMarkdown?: (text: string, result: { didProcess: boolean; outputHtml?: string }) => void;
  };
}

let renderer: RendererModule | undefined;

/**
 * Renders a card with the official `adaptivecards` renderer into a jsdom document, as a Teams client
 * would render it into its page, and returns the rendered HTML. Throws if rendering fails.
 */
export function renderCard(card: unknown): HTMLElement {
  if (!renderer) {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const globals = globalThis as Record<string, unknown>;
    // The renderer reads DOM classes (HTMLElement, HTMLButtonElement…) from the global scope.
    for (const name of Object.getOwnPropertyNames(dom.window)) {
      if (
        /^(HTML|SVG|Node|Element|Event|Keyboard|Mouse|Document|Text|DOM|CSS|getComputedStyle|navigator)/.test(name) &&
        !(name in globals)
      ) {
        globals[name] = (dom.window as unknown as Record<string, unknown>)[name];
      }
    }
    globals.window ??= dom.window;
    globals.document ??= dom.window.document;
    renderer = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.min.js') as RendererModule;
    // Teams renders a subset of Markdown; plain escaped text is enough to check what a person reads.
    renderer.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      result.didProcess = true;
    };
  }
  const adaptive = new renderer.AdaptiveCard();
  adaptive.parse(card);
  const element = adaptive.render();
  if (!element) throw new Error('the renderer produced nothing');
  return element;
}
