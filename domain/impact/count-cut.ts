import { EQUALITY_QUESTIONS } from '../register/equality-questions.js';
import type { Raw } from './cut-counts.js';
import { newAndReturning, partnerMinutesOf } from './faces-and-hours.js';
import { feedbackLoopOf } from './feedback-loop.js';
import { ratingsOf } from './host-ratings.js';
import type { ImpactFacts } from './impact-facts.js';
import { partnerAnswersOf } from './partner-answers.js';
import { inPeriod, type Period } from './period.js';
import { tallyOf } from './reach-across-characteristics.js';

/** The unsuppressed counts of one cut: the whole Trust (`workIds` undefined) or the pieces of work in `workIds`. */
export function rawOf(facts: ImpactFacts, period: Period, workIds: ReadonlySet<string> | undefined): Raw {
  const inCut = (workId: string | undefined): boolean => !workIds || (workId !== undefined && workIds.has(workId));
  const inThePeriod = facts.sessions.filter((session) => inCut(session.workId) && inPeriod(session.date, period));
  const involvedIds = new Set(inThePeriod.flatMap((session) => session.partnerIds));
  const partners = facts.partners.filter((partner) => involvedIds.has(partner.id));
  // A partner who withdrew equality consent has no answers any more (domain/register/consent.ts): not "agreed".
  const withAnswers = partners.filter((partner) => partner.equality !== undefined);
  const loop = feedbackLoopOf(inThePeriod, facts.work);
  return {
    sessions: inThePeriod.length,
    people: newAndReturning(involvedIds, facts.sessions, period),
    consent: { agreed: withAnswers.length, notAgreed: involvedIds.size - withAnswers.length },
    categories: new Map(EQUALITY_QUESTIONS.map((category) => [category.key, tallyOf(category, withAnswers)])),
    partnerMinutes: partnerMinutesOf(inThePeriod),
    work: loop.figures,
    ratings: ratingsOf(loop.withSessions),
    claims: facts.paidClaims.filter((claim) => inCut(claim.workId) && inPeriod(claim.paidAt, period)),
    partnerAnswers: partnerAnswersOf(
      (facts.partnerEvaluations ?? []).filter((given) => inCut(given.workId) && inPeriod(given.day, period)),
    ),
  };
}
