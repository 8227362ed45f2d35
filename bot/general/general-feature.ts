import { helpCard, type HelpTopic } from './help-card.js';
import { routesWith, type BotFeature, type Turn } from '../feature.js';
import { GENERAL_VERBS } from './general-verbs.js';
import type { AppFeedback } from '../../domain/ports.js';

export interface GeneralDependencies {
  readonly helpTopics: () => HelpTopic[];
  readonly feedback: AppFeedback;
}

/** The question "feedback" asks; the person's next message is its answer. */
const FEEDBACK_PROMPT = 'general.feedback';

/** Help, and feedback about the app itself ("engage on engagement"). */
export function generalFeature(deps: GeneralDependencies): BotFeature {
  const on = routesWith(deps);
  return {
    name: 'general',
    commands: [
      {
        command: 'help',
        description: 'See what I can do',
        patterns: [/^(help|hi|hello|hey|start|menu|\?)\b/i, /what can you do/i],
        handle: (turn) => sendHelp(deps, turn),
      },
      {
        command: 'feedback',
        description: 'Tell us how this app could work better for you',
        patterns: [/^feedback\b/i],
        handle: askForFeedback,
      },
    ],
    actions: [on(GENERAL_VERBS.help, async ({ helpTopics }) => ({ card: helpCard(helpTopics()) }))],
    answers: [{ promptId: FEEDBACK_PROMPT, handle: (turn, text) => recordFeedback(deps, turn, text) }],
  };
}

async function sendHelp({ helpTopics }: GeneralDependencies, turn: Turn): Promise<void> {
  await turn.sendCard(helpCard(helpTopics()));
}

async function askForFeedback(turn: Turn): Promise<void> {
  await turn.ask(
    FEEDBACK_PROMPT,
    'What would you like to tell us about Involvement Hub? Type your message and send it.',
  );
}

async function recordFeedback({ feedback }: GeneralDependencies, turn: Turn, text: string): Promise<void> {
  if (!text) {
    await turn.sendText(
      'I didn\u2019t get any feedback text, so nothing was saved. Type \u201cfeedback\u201d to try again.',
    );
    return;
  }
  await feedback.record({
    operationId: turn.context.activity.id ?? `${Date.now()}`,
    authorId: turn.actor.id,
    text,
  });
  await turn.sendText('Thank you. Your feedback has been recorded and the IEV team will read it.');
}
