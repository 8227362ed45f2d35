import { card, heading, paragraph, bulletList, type AdaptiveCard } from '../cards/adaptive-card.js';
import { PLAN_VERBS } from '../planning/planning-verbs.js';
import { GENERAL_VERBS } from './general-verbs.js';

export type WelcomeAudience = 'personal' | 'team';

/** Sent once when the app is installed for a person or added to a team. */
export function welcomeCard(audience: WelcomeAudience): AdaptiveCard {
  const intro =
    audience === 'personal'
      ? 'Welcome to Involvement Hub. I help you involve patients, carers and the public in your work, and make sure Involvement Partners are supported and paid promptly.'
      : 'Involvement Hub has been added to this team. Colleagues can chat with me to plan involvement work and claim Involvement Partners\u2019 expenses.';
  const points =
    audience === 'personal'
      ? [
          'Plan a piece of involvement work, one short step at a time. You can stop and come back whenever you like.',
          'Log sessions and record what changed because of people\u2019s input.',
          'Submit an Involvement Partner\u2019s expense claim for the IEV team to approve.',
          'Ask the Involvement, Experience and Volunteering (IEV) team for help.',
        ]
      : [
          'If this is the IEV team\u2019s channel, an IEV team member can type \u201cset up IEV channel\u201d here, and I will post expense approvals and support requests to it.',
          'Pin the Involvement Register tab to show the involvement work and partners relevant to this team.',
        ];
  return card(
    [heading('Hello, I\u2019m Involvement Hub'), paragraph(intro), bulletList(points)],
    audience === 'personal'
      ? [PLAN_VERBS.start.action('Start planning'), GENERAL_VERBS.help.action('What can you do?')]
      : [],
    {
      fallbackText: intro,
    },
  );
}
