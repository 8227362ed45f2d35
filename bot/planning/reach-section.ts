import { bulletList, container, paragraph, subheading, type CardElement } from '../cards/adaptive-card.js';
import type { PlanReach } from '../../domain/planning/reach-gap.js';

/** "Who you set out to reach": the gaps in plain words, who has taken part (suppressed), and what the register cannot tell. */
export function reachSection(reach: PlanReach | undefined): CardElement[] {
  if (!reach || (reach.groups.length === 0 && reach.notAsked.length === 0 && !reach.tooFewToShow)) return [];
  const gaps = reach.groups.flatMap((group) => group.gaps);
  const reached = reach.groups.flatMap((group) => group.reached);
  return [
    subheading('Who you set out to reach'),
    ...(reach.tooFewToShow ? [paragraph(reach.tooFewToShow)] : []),
    ...(gaps.length > 0
      ? [
          container(
            [
              { type: 'TextBlock', text: 'Not reached yet', weight: 'Bolder', wrap: true },
              bulletList(gaps),
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
        ]
      : []),
  ];
}
