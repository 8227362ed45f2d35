import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import { changeSupportRequest } from './change-support-request.js';
import type { SupportPorts } from './support-records.js';
import type { SupportRequest } from './support-request.js';
import { schemaProblems } from '../schema-problems.js';

export const supportNoteSchema = z.object({
  note: z
    .string('Type the note as text.')
    .trim()
    .min(1, 'Type a note first.')
    .max(1000, 'Keep the note to 1,000 characters or fewer.'),
});

/** An IEV working note on the request (shown to IEV in the channel and the tab, never to the host). */
export async function noteSupportRequest(
  ports: SupportPorts,
  actor: Actor,
  where: { readonly hostId: string; readonly requestId: string },
  note: string,
): Promise<Versioned<SupportRequest>> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can add notes to support requests.');
  const parsed = supportNoteSchema.safeParse({ note });
  if (!parsed.success)
    throw new ValidationError('Check the note.', [
      { field: 'note', message: schemaProblems(parsed.error)[0]?.message ?? 'Check the note.' },
    ]);
  const text = parsed.data.note;
  const { request } = await changeSupportRequest(ports, actor, where, () => ({ kind: 'noted', note: text }));
  return request;
}
