import { ConflictError } from '../errors.js';
import { matchServiceArea, OTHER_SERVICE_AREA, SERVICE_AREAS } from '../register/service-areas.js';
import type { StepAnswers } from './plan.js';
import type { PlanRepository } from './ports.js';

/**
 * The plan's service area, as the register filters by it: the area chosen from the list, or what the host
 * typed for another service (a typed name of a listed area counts as that area). Plans saved when the
 * answer was free text are read the same way.
 */
export function serviceAreaOf(answers: StepAnswers): string | undefined {
  const chosen = typeof answers.serviceArea === 'string' ? answers.serviceArea.trim() : '';
  const typed = typeof answers.serviceAreaOther === 'string' ? answers.serviceAreaOther.trim() : '';
  const text = chosen === OTHER_SERVICE_AREA || !chosen ? typed : chosen;
  if (!text) return undefined;
  return matchServiceArea(text) ?? text;
}

/**
 * The purpose step's answers with a free-text service area (saved before the list) as the step now asks it:
 * the listed area it names, or "another service" with the text kept. Undefined when there is nothing to change.
 */
export function withListedServiceArea(answers: StepAnswers | undefined): StepAnswers | undefined {
  const chosen = answers?.serviceArea;
  if (!answers || typeof chosen !== 'string' || chosen === OTHER_SERVICE_AREA) return undefined;
  if ((SERVICE_AREAS as readonly string[]).includes(chosen)) return undefined;
  const listed = matchServiceArea(chosen);
  return listed
    ? { ...answers, serviceArea: listed }
    : { ...answers, serviceArea: OTHER_SERVICE_AREA, serviceAreaOther: chosen.slice(0, 80) };
}

/**
 * Plans saved when the service area was free text, mapped to the list the register filters by where the
 * text names a listed area (kept as "another service" otherwise), so the channel tab's one-area view finds
 * them. Run at start; a plan changed at the same moment is left for the next start.
 */
export async function mapFreeTextServiceAreas(store: PlanRepository): Promise<number> {
  const plans = await store.plansWithUnlistedServiceArea([...SERVICE_AREAS, OTHER_SERVICE_AREA]);
  let mapped = 0;
  for (const plan of plans) {
    const purpose = withListedServiceArea(plan.answers.purpose);
    if (!purpose) continue;
    const { _etag, ...current } = plan;
    try {
      await store.replacePlan(
        { ...current, answers: { ...plan.answers, purpose }, serviceArea: serviceAreaOf(purpose) },
        _etag,
      );
      mapped += 1;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return mapped;
}
