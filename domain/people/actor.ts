/** Who is acting, as the server established it (never as a card or browser claimed it). */
export type Role = 'iev' | 'host' | 'viewer';

export interface Actor {
  /** Microsoft Entra object id (stable across Teams, the tab and the bot). */
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

export function isIevMember(actor: Actor): boolean {
  return actor.roles.includes('iev');
}

export function isStaff(actor: Actor): boolean {
  return actor.roles.includes('host') || actor.roles.includes('iev');
}

/** The role that decides what the tab offers: IEV members are hosts too, and hosts are more than viewers. */
export function leadingRole(actor: Actor): Role {
  if (isIevMember(actor)) return 'iev';
  return actor.roles.includes('host') ? 'host' : 'viewer';
}
