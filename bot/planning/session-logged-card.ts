import { card, container, facts, heading, paragraph, type AdaptiveCard } from '../cards/adaptive-card.js';
import type { PlanSession } from '../../domain/planning/plan.js';
import type { PartnerNeeds } from '../../domain/register/register-service.js';
import { CHECK_IN_CHOICES, SESSION_FORMAT_CHOICES } from './session-log-card.js';
import { OUTCOME_VERBS, PLAN_VERBS, SESSION_VERBS } from './planning-verbs.js';

/** Confirms a logged session, and nudges the host when not everyone felt heard. */
export function sessionLoggedCard(
  planId: string,
  planTitle: string,
  session: PlanSession,
  partnerNames: readonly string[],
  needs: readonly PartnerNeeds[] = [],
): AdaptiveCard {
  const withNeeds = needs.filter((partner) => partner.communicationNeeds || partner.accessNeeds);
  const title = (choices: ReadonlyArray<{ value: string; title: string }>, value: string) =>
    choices.find((choice) => choice.value === value)?.title ?? value;
  const body = [
    paragraph(planTitle, { subtle: true }),
    heading('Session logged', 'Medium'),
    facts([
      ['Date', session.date],
      ['Length', `${session.durationMinutes} minutes`],
      ['How', title(SESSION_FORMAT_CHOICES, session.format)],
      ['Partners', partnerNames.length > 0 ? partnerNames.join(', ') : 'None from the register'],
      ['Everyone engaged and heard?', title(CHECK_IN_CHOICES, session.checkIn)],
    ]),
    ...(session.checkIn === 'no' || session.checkIn === 'mostly'
      ? [
          container(
            [
              paragraph(
                'Not everyone felt heard. Try talking to people one to one, changing the time or place, or ask the IEV team for help with problem solving.',
              ),
            ],
            { style: 'warning' },
          ),
        ]
      : []),
    // Seed 004: understand people's preferences and difficulties with communication before you next meet.
    ...(withNeeds.length > 0
      ? [
          heading('Before you next meet', 'Medium'),
          facts(
            withNeeds.map((partner) => [
              partner.displayName,
              [partner.communicationNeeds, partner.accessNeeds].filter(Boolean).join(' '),
            ]),
          ),
        ]
      : []),
  ];
  return card(
    body,
    [
      SESSION_VERBS.start.action('Log another session', { planId }),
      OUTCOME_VERBS.start.action('Record the outcome', { planId }),
      PLAN_VERBS.resume.action('Open my plan', { planId }),
    ],
    { fallbackText: `Session on ${session.date} logged.` },
  );
}
