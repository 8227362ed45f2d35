import { app, authentication, pages } from '@microsoft/teams-js';

export type ThemeName = 'default' | 'dark' | 'contrast';

/** How long to wait for Teams to answer before deciding the page is open in a plain browser. */
const TEAMS_HANDSHAKE_MS = 4000;

/**
 * Starts teams-js when the page is hosted (Teams loads tabs in an iframe). In a plain browser
 * there is nobody to answer, so we do not wait for a handshake that never comes.
 */
export async function connectToTeams(): Promise<{
  inTeams: boolean;
  theme: ThemeName | undefined;
  frameContext: string | undefined;
  /** The pinned tab's entity id (what the configuration page saved), so the tab knows what it was pinned for. */
  entityId: string | undefined;
}> {
  const outside = { inTeams: false, theme: undefined, frameContext: undefined, entityId: undefined };
  if (window.parent === window && !window.opener) return outside;
  try {
    await withTimeout(app.initialize(localHostOrigins()), TEAMS_HANDSHAKE_MS);
    const context = await withTimeout(app.getContext(), TEAMS_HANDSHAKE_MS);
    void app.notifySuccess();
    return {
      inTeams: true,
      theme: themeName(context.app.theme),
      frameContext: context.page.frameContext,
      entityId: context.page.id || undefined,
    };
  } catch {
    return outside;
  }
}

/**
 * teams-js only talks to Microsoft's own host origins (https). On loopback we also accept our own
 * origin, so a local host page (the tests' Teams stand-in) can drive the configuration page.
 */
function localHostOrigins(): string[] | undefined {
  const { hostname, origin } = window.location;
  const loopback = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return loopback ? [origin] : undefined;
}

export function onTeamsThemeChange(handler: (theme: ThemeName) => void): void {
  app.registerOnThemeChangeHandler((theme) => handler(themeName(theme)));
}

/** Teams SSO: Teams caches the token and refreshes it, so asking on every call is cheap. */
export function teamsToken(): Promise<string> {
  return authentication.getAuthToken();
}

export function themeName(theme: string | undefined): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'default';
}

export interface ChannelView {
  readonly contentPath: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

/**
 * The configuration page's part of the Teams protocol: say whether the choice is complete, and
 * when the person presses Save, give Teams the URL the pinned tab opens on for everyone.
 */
export function offerChannelView(view: ChannelView | undefined): void {
  pages.config.setValidityState(view !== undefined);
  pages.config.registerOnSaveHandler((saveEvent) => {
    if (!view) {
      saveEvent.notifyFailure('Choose what the tab should show.');
      return;
    }
    const contentUrl = new URL(view.contentPath, window.location.href).toString();
    pages.config
      .setConfig({
        contentUrl,
        websiteUrl: contentUrl,
        entityId: view.entityId,
        suggestedDisplayName: view.suggestedDisplayName,
      })
      .then(() => saveEvent.notifySuccess())
      .catch(() => saveEvent.notifyFailure('Teams could not save the tab. Please try again.'));
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Teams did not answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
