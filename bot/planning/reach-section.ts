import { bulletList, container, paragraph, subheading, type CardElement } from '../cards/adaptive-card.js';
import { groupKeyOfTitle, groupTitle } from '../../domain/organisations/organisation.js';
import type {
  OrganisationService,
  OrganisationSuggestion,
  SuggestionsByGroup,
} from '../../domain/organisations/organisation-service.js';
import type { Plan } from '../../domain/planning/plan.js';
import type { PlanService } from '../../domain/planning/plan-service.js';
import type { PlanReach } from '../../domain/planning/reach-gap.js';

/** A plan's reach, and for each group it has not reached yet, organisations in the directory that reach it. */
export interface ReachWithOrganisations {
  readonly reach: PlanReach;
  readonly organisations: SuggestionsByGroup;
}

/**
 * Suggestions go only with what the card already says: a group shown as a gap (no one from it) or one the
 * register does not ask about. A group reached by a few people gets none, so nothing can be read into it.
 */
export async function reachWithOrganisations(
  deps: {
    readonly plans: Pick<PlanService, 'reachOf'>;
    readonly organisations: Pick<OrganisationService, 'suggestFor'>;
  },
  plan: Plan,
): Promise<ReachWithOrganisations> {
  const reach = await deps.plans.reachOf(plan);
  const groups = [
    ...reach.groups.filter((group) => group.gaps.length > 0).map((group) => group.group),
    ...reach.notAsked.flatMap((title) => groupKeyOfTitle(title) ?? []),
  ];
  return { reach, organisations: await deps.organisations.suggestFor(groups) };
}

/** "Millbrook Carers' Hub (Millbrook, Eastfield): 01632 960 101 · hello@…", flagged when its details are old. */
export function organisationLine(organisation: OrganisationSuggestion): string {
  const areas = organisation.areas.length > 0 ? ` (${organisation.areas.join(', ')})` : '';
  const contact = organisation.contact ? `: ${organisation.contact}` : '';
  const old = organisation.checkDue ? ' \u2014 details not checked for over a year, so check them first' : '';
  return `${organisation.name}${areas}${contact}${old}`;
}

/** "Who reaches them: …" under one group, or nothing when the directory has no one for it. */
function whoReaches(group: string, organisations: SuggestionsByGroup | undefined, label: string): CardElement[] {
  const found = organisations?.[group] ?? [];
  if (found.length === 0) return [];
  return [paragraph(`${label}: ${found.map(organisationLine).join('; ')}`, { subtle: true })];
}

/** "Who you set out to reach": the gaps in plain words, who reaches them, who has taken part (suppressed), and what the register cannot tell. */
export function reachSection(reach: PlanReach | undefined, organisations?: SuggestionsByGroup): CardElement[] {
  if (!reach || (reach.groups.length === 0 && reach.notAsked.length === 0 && !reach.tooFewToShow)) return [];
  const withGaps = reach.groups.filter((group) => group.gaps.length > 0);
  const reached = reach.groups.flatMap((group) => group.reached);
  const notAskedKeys = reach.notAsked.flatMap((title) => groupKeyOfTitle(title) ?? []);
  return [
    subheading('Who you set out to reach'),
    ...(reach.tooFewToShow ? [paragraph(reach.tooFewToShow)] : []),
    ...(withGaps.length > 0
      ? [
          container(
            [
              { type: 'TextBlock', text: 'Not reached yet', weight: 'Bolder', wrap: true },
              ...withGaps.flatMap((group) => [
                bulletList(group.gaps),
                ...whoReaches(group.group, organisations, 'Organisations that reach them'),
              ]),
              paragraph('Counted from the equality answers people who took part agreed to share.', { subtle: true }),
            ],
            { style: 'warning' },
          ),
        ]
      : []),
    ...(reached.length > 0 ? [paragraph('Taken part so far:', { subtle: true }), bulletList(reached)] : []),
    ...(reach.notAsked.length > 0
      ? [
          paragraph(
            `The register does not ask about: ${reach.notAsked.join('; ')}. Ask at your sessions, or work with organisations that reach these groups.`,
            { subtle: true },
          ),
          ...notAskedKeys.flatMap((group) => whoReaches(group, organisations, groupTitle(group))),
        ]
      : []),
  ];
}
