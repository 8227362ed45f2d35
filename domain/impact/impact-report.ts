import { suppressAcrossCuts, type AreaCut } from './across-cuts.js';
import { rawOf } from './count-cut.js';
import type { ImpactReport, ReportOptions } from './cut-figures.js';
import type { Suppressed } from './cut-counts.js';
import type { ImpactFacts } from './impact-facts.js';
import type { Period } from './period.js';
import { quarterCuts, quarterFigures } from './quarters.js';
import { suppressCut } from './suppress-cut.js';
import { workCut, workCuts } from './work-against-target-groups.js';

/**
 * "Is it working?" (brief journey 8; seed 001: reach across the protected characteristics, new
 * faces, completing the loop of feedback). Pure: it is given narrow projections of the stored
 * records, never whole documents, so no name or contact detail ever reaches it.
 *
 * This module assembles the report from its cuts (the Trust, each service area, each piece of work,
 * each quarter); each group of figures is worked out in its own module beside it.
 */

export type {
  ImpactFacts,
  PaidClaimFacts,
  PartnerEvaluationFacts,
  PartnerFacts,
  SessionFacts,
  WorkFacts,
} from './impact-facts.js';
export type { CutFigures, ImpactReport, ReportOptions, WorkCut } from './cut-figures.js';

/** Where no service area was chosen for a piece of work. */
export const NO_SERVICE_AREA = 'No service area given';

export function impactReport(facts: ImpactFacts, period: Period, options: ReportOptions): ImpactReport {
  const trustRaw = rawOf(facts, period, undefined);
  const trust: Suppressed = { raw: trustRaw, shown: suppressCut(trustRaw, options, []) };
  const trustQuarters = quarterCuts(facts, period, options, trust);
  const areas = areaCuts(facts, period, options, trust);
  const works = workCuts(facts, period, options, trust);
  const cells = suppressAcrossCuts(trust, areas, works, options);
  return {
    period,
    threshold: options.threshold,
    ...trust.shown,
    byServiceArea: areas.map((area, index) => ({ serviceArea: area.serviceArea, ...cells.areas[index]! })),
    byWork: works.map(({ piece, figures }, index) => workCut(piece, figures, cells.works[index]!)),
    quarters: trustQuarters.map(quarterFigures),
  };
}

/** Each service area with sessions or paid claims in the period, suppressed as a cut of the Trust. */
function areaCuts(
  facts: ImpactFacts,
  period: Period,
  options: ReportOptions,
  trust: Suppressed,
): Array<AreaCut & { readonly serviceArea: string }> {
  const areaNames = [...new Set(facts.work.map((piece) => piece.serviceArea ?? NO_SERVICE_AREA))].sort();
  const workIn = (area: string): Set<string> =>
    new Set(facts.work.filter((piece) => (piece.serviceArea ?? NO_SERVICE_AREA) === area).map((piece) => piece.id));
  return areaNames
    .map((serviceArea) => ({ serviceArea, workIds: workIn(serviceArea) }))
    .map(({ serviceArea, workIds }) => ({ serviceArea, workIds, raw: rawOf(facts, period, workIds) }))
    .filter(({ raw }) => raw.sessions > 0 || raw.claims.length > 0)
    .map(({ serviceArea, workIds, raw }) => ({ serviceArea, workIds, raw, shown: suppressCut(raw, options, [trust]) }));
}
