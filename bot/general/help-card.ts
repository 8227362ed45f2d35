import { card, heading, paragraph, facts, type AdaptiveCard } from '../cards/adaptive-card.js';
import { PLAN_VERBS } from '../planning/planning-verbs.js';
import { CLAIM_VERBS } from '../claims/claim-verbs.js';

export interface HelpTopic {
  readonly command: string;
  readonly description: string;
}

/** What the bot can do, in the words a busy colleague would use. Topics come from the bot's command table. */
export function helpCard(topics: readonly HelpTopic[]): AdaptiveCard {
  return card(
    [
      heading('Involvement Hub: how I can help'),
      paragraph(
        'Involving patients, carers and the public is everyone\u2019s job. I walk you through it step by step, before, during and after.',
      ),
      facts(topics.map((topic) => [topic.command, topic.description] as const)),
      paragraph(
        'You can also just tell me what you want to do, for example \u201cI want to plan some engagement\u201d.',
        { subtle: true },
      ),
    ],
    [
      PLAN_VERBS.start.action('Plan involvement work'),
      PLAN_VERBS.list.action('My plans'),
      CLAIM_VERBS.start.action('Claim expenses'),
    ],
    { fallbackText: `Involvement Hub can help with: ${topics.map((topic) => topic.command).join(', ')}` },
  );
}
