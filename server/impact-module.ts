import { ImpactService } from '../domain/impact/impact-service.js';
import { ImpactQueries } from '../storage/impact-queries.js';
import type { AreaContext } from './area-context.js';

/** "Is it working?": suppressed reach, hours, money and feedback-loop figures (domain/impact). */
export function createImpactModule(
  deps: Pick<AreaContext, 'config' | 'containers' | 'now'> & { readonly targetDaysToPay: () => number },
): ImpactService {
  return new ImpactService({
    reader: new ImpactQueries(deps.containers),
    targetDaysToPay: deps.targetDaysToPay,
    threshold: deps.config.impactSuppressionThreshold,
    now: deps.now,
  });
}
