import { retryOnConflict, withoutVersion } from '../concurrency.js';
import { NotFoundError, ValidationError } from '../errors.js';
import {
  ACCESS_ARRANGEMENTS,
  INTERVIEW_GUIDE,
  type Invitation,
  type InvitationAnswer,
  type Opportunity,
} from './opportunity.js';
import type { OpportunityPorts } from './ports.js';

/** The invitation as its personal link shows it to the partner (no one else's details). */
export interface InvitationPage {
  readonly partnerName: string;
  readonly opportunity: Pick<
    Opportunity,
    | 'title'
    | 'what'
    | 'kind'
    | 'role'
    | 'date'
    | 'time'
    | 'format'
    | 'place'
    | 'accessNotes'
    | 'expensesPaid'
    | 'payment'
    | 'places'
    | 'closesOn'
    | 'state'
  > & { readonly accessWords: readonly string[] };
  readonly answer: InvitationAnswer | undefined;
  /** Interview panels: the guide the partner signs when they say they are interested. */
  readonly guide?: typeof INTERVIEW_GUIDE | undefined;
}

/** Signing the interview guide: the partner ticks that they read and understood it, and types their name. */
export interface GuideSignature {
  readonly confirmed: boolean;
  readonly name: string;
}

type PagePorts = Pick<OpportunityPorts, 'store' | 'partners'>;
type AnswerPorts = PagePorts & Pick<OpportunityPorts, 'links' | 'stopInvitations' | 'logger' | 'clock'>;
type LinkFor = { readonly opportunityId: string; readonly partnerId: string };

/** What the personal link shows; undefined for a link that is bad, expired or already used. */
export async function readInvitationPage(
  ports: PagePorts & Pick<OpportunityPorts, 'links'>,
  token: string,
): Promise<InvitationPage | undefined> {
  const link = await ports.links.read(token);
  if (!link) return undefined;
  return invitationPageFor(ports, link.opportunityId, link.partnerId);
}

/**
 * The partner's answer from their link (used once). "Stop inviting me" withdraws their consent to be contacted
 * about opportunities at once. After the closing date only "stop" is still taken.
 */
export async function answerInvitation(
  ports: AnswerPorts,
  token: string,
  answer: InvitationAnswer,
  signature?: GuideSignature,
): Promise<{ readonly outcome: 'recorded' | 'closed'; readonly page: InvitationPage } | undefined> {
  const link = await ports.links.read(token);
  if (!link) return undefined;
  const opportunity = await ports.store.find(link.opportunityId);
  if (!opportunity) return undefined;
  const closed = opportunity.state === 'closed' && answer !== 'stop';
  // Checked before the link is used, so a partner who forgot to sign can answer again.
  const signs = opportunity.kind === 'interview-panel' && answer === 'interested';
  const signedName = signature?.name.trim().slice(0, 120) ?? '';
  if (!closed && signs) checkSigned(signature, signedName);
  if (!closed) {
    const recorded = await recordAnswer(ports, token, link, answer, signs ? signedName : undefined);
    if (!recorded) return undefined;
    ports.logger.info({ opportunityId: link.opportunityId, answer }, 'invitation answered');
  }
  const page = await invitationPageFor(ports, link.opportunityId, link.partnerId);
  return page && { outcome: closed ? 'closed' : 'recorded', page };
}

function checkSigned(signature: GuideSignature | undefined, signedName: string): void {
  if (signature?.confirmed && signedName) return;
  throw new ValidationError('Sign the guide to say you are interested.', [
    ...(signature?.confirmed
      ? []
      : [{ field: 'confirmed', message: 'Tick to say you have read and understood the guide.' }]),
    ...(signedName ? [] : [{ field: 'signedName', message: 'Type your full name to sign the guide.' }]),
  ]);
}

/** Uses the link to keep the answer (and the guide's signature, when `signedName` is given); false when not now. */
async function recordAnswer(
  ports: AnswerPorts,
  token: string,
  link: LinkFor,
  answer: InvitationAnswer,
  signedName: string | undefined,
): Promise<boolean> {
  const now = ports.clock();
  return ports.links.redeem(token, async () => {
    // Before the answer is kept: a press again after a failure part-way still withdraws consent.
    if (answer === 'stop') await ports.stopInvitations(link.partnerId, now);
    return retryOnConflict(async () => {
      const invitation = await ports.store.findInvitation(link.opportunityId, link.partnerId);
      if (!invitation) throw new NotFoundError('That invitation could not be found.');
      // Answered already from this link: a retry that got through, or another press at the same moment.
      if (invitation.answeredAt) return false;
      await ports.store.replaceInvitation(
        answered(withoutVersion(invitation), answer, signedName, now),
        invitation._etag,
      );
      return true;
    });
  });
}

function answered(
  invitation: Invitation,
  answer: InvitationAnswer,
  signedName: string | undefined,
  now: Date,
): Invitation {
  return {
    ...invitation,
    answer,
    answeredAt: now.toISOString(),
    ...(signedName !== undefined
      ? { guideSigned: { name: signedName, at: now.toISOString(), version: INTERVIEW_GUIDE.version } }
      : {}),
  };
}

async function invitationPageFor(
  { store, partners }: PagePorts,
  opportunityId: string,
  partnerId: string,
): Promise<InvitationPage | undefined> {
  const [opportunity, invitation, partner] = await Promise.all([
    store.find(opportunityId),
    store.findInvitation(opportunityId, partnerId),
    partners.find(partnerId),
  ]);
  if (!opportunity || !invitation || !partner || partner.erasure) return undefined;
  return {
    partnerName: partner.displayName,
    opportunity: {
      title: opportunity.title,
      what: opportunity.what,
      kind: opportunity.kind,
      role: opportunity.role,
      date: opportunity.date,
      time: opportunity.time,
      format: opportunity.format,
      place: opportunity.place,
      accessNotes: opportunity.accessNotes,
      expensesPaid: opportunity.expensesPaid,
      payment: opportunity.payment,
      places: opportunity.places,
      closesOn: opportunity.closesOn,
      state: opportunity.state,
      accessWords: opportunity.access.map((key) => ACCESS_ARRANGEMENTS[key].label),
    },
    answer: invitation.answer,
    ...(opportunity.kind === 'interview-panel' ? { guide: INTERVIEW_GUIDE } : {}),
  };
}
