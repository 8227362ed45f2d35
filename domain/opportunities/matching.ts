import type { Partner } from '../register/partner.js';
import { ACCESS_ARRANGEMENTS, ACCESS_KEYS, type AccessArrangement, type Opportunity } from './opportunity.js';

/**
 * What matching reads of a partner: the register's involvement profile and access needs, nothing that reaches
 * them. The store asks Cosmos for only these fields, and only for active partners who agreed to be contacted and
 * share at least one area, interest or lived experience with the opportunity (`MatchCriteria`).
 */
export type Candidate = Pick<
  Partner,
  'id' | 'areas' | 'interests' | 'livedExperience' | 'availability' | 'accessNeeds' | 'panelTraining'
>;

/** What the database filters on before anything is scored: the cheap, indexed part of matching. */
export interface MatchCriteria {
  readonly areas: readonly string[];
  readonly interests: readonly string[];
  readonly livedExperience: readonly string[];
}

export function criteriaOf(opportunity: Pick<Opportunity, 'serviceArea' | 'interests' | 'livedExperience'>) {
  return {
    areas: opportunity.serviceArea ? [opportunity.serviceArea] : [],
    interests: [...opportunity.interests],
    livedExperience: [...opportunity.livedExperience],
  } satisfies MatchCriteria;
}

/**
 * Why a partner fits, as the host reads it (counted, never named). The words read the same after a count
 * ("1 usually free at this time", "4 usually free …") and after IEV's list of names.
 */
export type FitReason =
  'service-area' | 'interest' | 'lived-experience' | 'availability' | 'access-met' | 'panel-training';

export const REASON_WORDS: Readonly<Record<FitReason, string>> = {
  'service-area': 'interested in this service area',
  interest: 'sharing an interest with this work',
  'lived-experience': 'with the lived experience you are looking for',
  availability: 'usually free at this time',
  'access-met': 'with access needs this opportunity meets',
  'panel-training': 'trained for interview panels',
};

const WEIGHTS: Readonly<Record<FitReason, number>> = {
  'service-area': 3,
  'lived-experience': 3,
  interest: 2,
  availability: 2,
  'access-met': 1,
  'panel-training': 2,
};

export interface Fit {
  readonly partnerId: string;
  readonly score: number;
  readonly reasons: readonly FitReason[];
}

/**
 * How well one partner fits: service area, shared interests, lived experience, whether they are usually free
 * then, and whether the access arrangements meet the needs they told us. A clash with their availability
 * ("evenings only" for a morning, "online only" for a meeting in person) is no fit at all: inviting them
 * would only ask them to say no.
 */
export function fitOf(
  opportunity: Pick<
    Opportunity,
    'serviceArea' | 'interests' | 'livedExperience' | 'date' | 'time' | 'format' | 'access' | 'kind'
  >,
  candidate: Candidate,
): Fit | undefined {
  const reasons: FitReason[] = [];
  const lower = (values: readonly string[]) => new Set(values.map((value) => value.toLowerCase()));
  if (opportunity.serviceArea && candidate.areas.includes(opportunity.serviceArea)) reasons.push('service-area');
  const interests = lower(opportunity.interests);
  if (candidate.interests.some((interest) => interests.has(interest.toLowerCase()))) reasons.push('interest');
  const lived = lower(opportunity.livedExperience);
  if (candidate.livedExperience.some((kind) => lived.has(kind.toLowerCase()))) reasons.push('lived-experience');
  if (reasons.length === 0) return undefined;
  const availability = availabilityFit(opportunity, candidate.availability);
  if (availability === 'clash') return undefined;
  if (availability === 'fits') reasons.push('availability');
  const needs = accessNeedsOf(candidate.accessNeeds);
  const unmet = needs.filter((need) => !opportunity.access.includes(need));
  if (needs.length > 0 && unmet.length === 0) reasons.push('access-met');
  if (opportunity.kind === 'interview-panel' && candidate.panelTraining) reasons.push('panel-training');
  const score = reasons.reduce((total, reason) => total + WEIGHTS[reason], 0) - unmet.length;
  return { partnerId: candidate.id, score, reasons };
}

/** Best fit first; equal fits by id, so the order is stable between runs. */
export function rank(fits: Fit[]): Fit[] {
  return fits.sort((a, b) => b.score - a.score || (a.partnerId < b.partnerId ? -1 : 1));
}

/** The arrangements a partner's access needs (free text) ask for. */
export function accessNeedsOf(accessNeeds: string | undefined): AccessArrangement[] {
  if (!accessNeeds) return [];
  return ACCESS_KEYS.filter((key) => key !== 'carer-welcome' && ACCESS_ARRANGEMENTS[key].needs.test(accessNeeds));
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Whether the partner's availability (as they put it) fits the opportunity's day, time and format. */
export function availabilityFit(
  opportunity: Pick<Opportunity, 'date' | 'time' | 'format'>,
  availability: string | undefined,
): 'fits' | 'clash' | 'unknown' {
  if (!availability) return 'unknown';
  const text = availability.toLowerCase();
  if (/online only/.test(text)) return opportunity.format === 'in-person' ? 'clash' : 'fits';
  const day = new Date(`${opportunity.date}T12:00:00Z`).getUTCDay();
  const dayName = DAYS[day]!;
  const weekend = day === 0 || day === 6;
  if (new RegExp(`not on ${dayName}s?`).test(text)) return 'clash';
  if (/weekdays?/.test(text) && weekend) return 'clash';
  if (/weekends?/.test(text) && !/weekdays?/.test(text) && !weekend) return 'clash';
  const hour = opportunity.time ? Number(opportunity.time.slice(0, 2)) : undefined;
  if (hour !== undefined) {
    const part = hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
    const named = ['morning', 'afternoon', 'evening'].filter((word) => text.includes(word));
    if (named.length > 0) return named.includes(part) ? 'fits' : 'clash';
  }
  if (/flexible|any ?time|anytime/.test(text)) return 'fits';
  if (new RegExp(`${dayName}s?`).test(text)) return 'fits';
  if (/not on /.test(text)) return 'fits';
  return 'unknown';
}

/** What the host sees: how many fit, and why, counted by reason; never who. */
export interface MatchSummary {
  readonly total: number;
  readonly reasons: ReadonlyArray<{ readonly reason: FitReason; readonly words: string; readonly count: number }>;
  /** How many fit strongly (three reasons or more). */
  readonly strong: number;
}

export function summarise(fits: readonly Fit[]): MatchSummary {
  const counts = new Map<FitReason, number>();
  for (const fit of fits) for (const reason of fit.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return {
    total: fits.length,
    strong: fits.filter((fit) => fit.reasons.length >= 3).length,
    reasons: [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([reason, count]) => ({ reason, words: REASON_WORDS[reason], count })),
  };
}
