import { formatDate } from '../../domain/claims/claim-words.js';
import type { Nudge, NudgeKind } from '../../domain/schedule/ports.js';
import { describeAnswers } from '../../domain/planning/plan-answers.js';
import type { Plan } from '../../domain/planning/plan.js';
import { stepFor, type StepKey } from '../../domain/planning/plan-steps.js';
import {
  bulletList,
  card,
  facts,
  heading,
  paragraph,
  subheading,
  type AdaptiveCard,
  type CardAction,
} from '../cards/adaptive-card.js';
import { CLAIM_VERBS } from '../claims/claim-verbs.js';
import { OUTCOME_VERBS } from '../planning/planning-verbs.js';
import { NUDGE_VERBS } from './nudge-verbs.js';

const SUBJECT_WORD: Readonly<Record<NudgeKind, string>> = {
  'partners-contact': 'plan',
  'feedback-loop': 'plan',
  'claim-queried': 'claim',
  'claim-draft': 'claim',
};

/** "Later" and "stop" for this one plan or claim; the host's choice is kept for every device. */
function quietButtons(kind: NudgeKind, subjectId: string): CardAction[] {
  return [
    NUDGE_VERBS.snooze.action('Remind me in a week', { subjectId, kind }, { associatedInputs: 'none' }),
    NUDGE_VERBS.stop.action(
      `Stop reminders for this ${SUBJECT_WORD[kind]}`,
      { subjectId, kind },
      { associatedInputs: 'none' },
    ),
  ];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A reminder in the host's 1:1 chat, with the button that does the thing first. */
export function nudgeCard(nudge: Nudge): AdaptiveCard {
  switch (nudge.kind) {
    case 'partners-contact': {
      const { plan } = nudge;
      const when = nudge.daysToGo === 0 ? 'today' : nudge.daysToGo === 1 ? 'tomorrow' : `in ${nudge.daysToGo} days`;
      return card(
        [
          heading(`Contact the partners before the first session: ${plan.title}`, 'Medium'),
          paragraph(`The first session is on ${formatDate(nudge.firstSession)}, ${when}.`),
          paragraph(
            'Contact every Involvement Partner before the first meeting, to answer their questions and share what you can, so they arrive knowing what to expect.',
          ),
        ],
        [
          NUDGE_VERBS.partnersBrief.action('Tell partners what to expect', { planId: plan.id }, { style: 'positive' }),
          ...quietButtons(nudge.kind, plan.id),
        ],
        { fallbackText: `Reminder: contact the partners before the first session of ${plan.title}` },
      );
    }
    case 'feedback-loop': {
      const { plan } = nudge;
      return card(
        [
          heading(`Close the loop: ${plan.title}`, 'Medium'),
          paragraph(
            `The last session was on ${formatDate(nudge.lastSessionDate)}, ${plural(nudge.weeks, 'week')} ago, and nothing is recorded yet about what changed because of people\u2019s input.`,
          ),
          paragraph(
            'Tell everyone involved what changed (\u201cyou said, we did\u201d), even when something could not change and why, and thank them for their time.',
          ),
        ],
        [
          OUTCOME_VERBS.start.action('Record what changed', { planId: plan.id }, { style: 'positive' }),
          ...quietButtons(nudge.kind, plan.id),
        ],
        { fallbackText: `Reminder: close the loop for ${plan.title}` },
      );
    }
    case 'claim-queried': {
      const { claim } = nudge;
      return card(
        [
          heading(`A question about ${claim.partnerName}\u2019s claim is waiting for you`, 'Medium'),
          paragraph(
            `${claim.openQuery?.byName ?? 'The IEV team'} asked ${plural(nudge.days, 'day')} ago: **${claim.openQuery?.question ?? ''}**`,
          ),
          paragraph('The partner is paid once you answer and send the claim back.'),
        ],
        [
          CLAIM_VERBS.show.action('Answer the question', { claimId: claim.id }, { style: 'positive' }),
          ...quietButtons(nudge.kind, claim.id),
        ],
        { fallbackText: `Reminder: a question about ${claim.partnerName}\u2019s claim` },
      );
    }
    case 'claim-draft': {
      const { claim } = nudge;
      return card(
        [
          heading(`${claim.partnerName}\u2019s claim has not been sent`, 'Medium'),
          paragraph(
            `You started it ${plural(nudge.days, 'day')} ago for \u201c${claim.work.title}\u201d. Partners should be paid promptly: finish it and send it to the IEV team, or discard it if it is not needed.`,
          ),
        ],
        [
          CLAIM_VERBS.show.action('Finish and send the claim', { claimId: claim.id }, { style: 'positive' }),
          CLAIM_VERBS.discard.action('Discard it', { claimId: claim.id }),
          ...quietButtons(nudge.kind, claim.id),
        ],
        { fallbackText: `Reminder: ${claim.partnerName}\u2019s claim has not been sent` },
      );
    }
  }
}

/** What to tell the partners before the first session (seed 004), from the plan's own answers. */
export function partnersBriefCard(plan: Plan): AdaptiveCard {
  const answers = (key: StepKey) => describeAnswers(plan, stepFor(key));
  const known = [...answers('timing'), ...answers('influence'), ...answers('budget')];
  return card(
    [
      heading(`Before the first session: ${plan.title}`, 'Medium'),
      paragraph('Phone, email or meet each Involvement Partner, and:'),
      bulletList([
        'answer any questions they have, and share what information you can',
        'make clear what is expected of them, and what they can and cannot influence',
        'ask about their communication and access needs',
        'tell them how their expenses are paid, and any involvement payment',
        'say that talking about their own or a loved one\u2019s experience can be hard, and that there is time before and after to talk',
      ]),
      ...(known.length > 0 ? [subheading('From your plan'), facts(known)] : []),
    ],
    [NUDGE_VERBS.partnersContacted.action('I have contacted them', { planId: plan.id }, { style: 'positive' })],
    { fallbackText: `What to tell the partners before the first session of ${plan.title}` },
  );
}

export function partnersContactedCard(plan: Plan): AdaptiveCard {
  return card([
    heading('Partners contacted', 'Medium'),
    paragraph(`Noted for \u201c${plan.title}\u201d. I won\u2019t remind you about this again.`),
  ]);
}

export function snoozedCard(kind: NudgeKind, until: string): AdaptiveCard {
  return card([
    heading('Reminder snoozed', 'Medium'),
    paragraph(
      `I\u2019ll remind you again after ${formatDate(until)} if this ${SUBJECT_WORD[kind]} still needs it. This holds on every device.`,
    ),
  ]);
}

export function stoppedCard(kind: NudgeKind): AdaptiveCard {
  return card([
    heading('Reminders stopped', 'Medium'),
    paragraph(`I won\u2019t remind you about this ${SUBJECT_WORD[kind]} again, on any device.`),
  ]);
}
