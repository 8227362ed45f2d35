import { formatDate } from '../../domain/claims/claim-words.js';
import type { Nudge, NudgeKind } from '../../domain/schedule/ports.js';
import { card, heading, paragraph, type AdaptiveCard, type CardAction } from '../cards/adaptive-card.js';
import { CLAIM_VERBS } from '../claims/claim-verbs.js';
import { OUTCOME_VERBS } from '../planning/planning-verbs.js';
import { NUDGE_VERBS } from './nudge-verbs.js';

const SUBJECT_WORD: Readonly<Record<NudgeKind, string>> = {
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
