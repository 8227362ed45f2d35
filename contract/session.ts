/** How the page signs in, asked before it has signed in (nothing here is secret). */
export interface Session {
  readonly signIn: 'developer' | 'teams-sso';
  /** Teams SSO: the app's client id. */
  readonly clientId?: string | null;
  /** Local mode: the fictional demo people the developer identity switch offers. */
  readonly people?: ReadonlyArray<{ readonly id: string; readonly displayName: string; readonly description: string }>;
}

export type Role = 'iev' | 'host' | 'viewer';

/** Who the server says is signed in, with the roles it found in its own directory. */
export interface Me {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}
