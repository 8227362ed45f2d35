import { z } from 'zod';
import { NUDGE_KINDS } from '../../domain/schedule/ports.js';
import { cardVerb } from '../cards/card-verb.js';

/** A plan or claim id, as our ids are made; anything else is a damaged or forged card. */
const subjectId = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, 'That button is out of date.');
const reminder = z.object({ subjectId, kind: z.enum(NUDGE_KINDS, 'That button is out of date.') });
const planRef = z.object({ planId: subjectId });

/** The buttons every reminder card carries besides the one that does the thing. */
export const NUDGE_VERBS = {
  snooze: cardVerb('nudge.snooze', reminder),
  stop: cardVerb('nudge.stop', reminder),
  /** Before the first session: what to tell the partners, and "I have contacted them". */
  partnersBrief: cardVerb('nudge.partnersBrief', planRef),
  partnersContacted: cardVerb('nudge.partnersContacted', planRef),
} as const;
