/**
 * The service areas partners can be interested in and involvement work can belong to. A fixed,
 * plain-English list so filters and the channel tab's "one service area" view line up; the Trust
 * can extend it here.
 */
export const SERVICE_AREAS = [
  'Adult mental health',
  'Children and young people',
  'Community health',
  'Forensic services',
  'Learning disability and autism',
  'Older people',
  'Substance misuse',
  'Carers',
] as const;

export type ServiceArea = (typeof SERVICE_AREAS)[number];

/** What a host picks when their work is for a service or team not on the list; they type it instead. */
export const OTHER_SERVICE_AREA = 'other';

/**
 * The listed area a typed service area names, if it names one: the same words, whatever the case, spacing,
 * apostrophes or "&" for "and". Anything else is kept as the host typed it ("other").
 */
export function matchServiceArea(text: string): ServiceArea | undefined {
  const wanted = normalise(text);
  return SERVICE_AREAS.find((area) => normalise(area) === wanted);
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2018\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Kinds of lived experience partners may choose to record (seed 003: service users and carers). */
export const LIVED_EXPERIENCE = ['Service user', 'Carer', 'Family member', 'Former service user'] as const;
