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

/** Kinds of lived experience partners may choose to record (seed 003: service users and carers). */
export const LIVED_EXPERIENCE = ['Service user', 'Carer', 'Family member', 'Former service user'] as const;
