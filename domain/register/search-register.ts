import { isIevMember, leadingRole, type Actor, type Role } from '../people/actor.js';
import { EQUALITY_QUESTIONS } from './equality-questions.js';
import type { RegisterPorts } from './ports.js';
import type { RegisterQuery } from './register-query.js';
import { LIVED_EXPERIENCE, SERVICE_AREAS } from './service-areas.js';
import { partnerRow, type PartnerRow } from './visibility.js';

/** What the register's forms and filters offer, and which audience the caller is (the tab shows what that audience may use). */
export function registerOptions(actor: Actor): {
  serviceAreas: typeof SERVICE_AREAS;
  equalityQuestions: typeof EQUALITY_QUESTIONS;
  livedExperience: typeof LIVED_EXPERIENCE;
  audience: Role;
} {
  return {
    serviceAreas: SERVICE_AREAS,
    equalityQuestions: EQUALITY_QUESTIONS,
    livedExperience: LIVED_EXPERIENCE,
    audience: leadingRole(actor),
  };
}

/** One page of the register, searched and filtered; only the IEV team sees partners who left. */
export async function searchRegister(
  { partners }: Pick<RegisterPorts, 'partners'>,
  actor: Actor,
  query: RegisterQuery,
): Promise<{ items: PartnerRow[]; continuation: string | undefined }> {
  const iev = isIevMember(actor);
  if (query.status === 'left' && !iev) return { items: [], continuation: undefined };
  const page = await partners.registerPage(query, { includeLeft: iev });
  return { items: page.items.map(partnerRow), continuation: page.continuation };
}
