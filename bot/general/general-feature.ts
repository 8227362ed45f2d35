import { helpCard, type HelpTopic } from './help-card.js';
import { on, type BotFeature } from '../feature.js';
import { GENERAL_VERBS } from './general-verbs.js';
import type { AppFeedback } from '../../domain/ports.js';

/** Help, and feedback about the app itself ("engage on engagement"). */
export function generalFeature(options: { helpTopics: () => HelpTopic[]; feedback: AppFeedback }): BotFeature {
  return {
    name: 'general',
    commands: [
      {
        command: 'help',
        description: 'See what I can do',
        patterns: [/^(help|hi|hello|hey|start|menu|\?)\b/i, /what can you do/i],
        handle: async (turn) => {
          await turn.sendCard(helpCard(options.helpTopics()));
        },
      },
      {
        command: 'feedback',
        description: 'Tell us how this app could work better for you',
        patterns: [/^feedback\b/i],
        handle: async (turn) => {
          await turn.ask(
            'general.feedback',
            'What would you like to tell us about Involvement Hub? Type your message and send it.',
          );
        },
      },
    ],
    actions: [on(GENERAL_VERBS.help, async () => ({ card: helpCard(options.helpTopics()) }))],
    answers: [
      {
        promptId: 'general.feedback',
        handle: async (turn, text) => {
          if (!text) {
            await turn.sendText(
              'I didn\u2019t get any feedback text, so nothing was saved. Type \u201cfeedback\u201d to try again.',
            );
            return;
          }
          await options.feedback.record({
            operationId: turn.context.activity.id ?? `${Date.now()}`,
            authorId: turn.actor.id,
            text,
          });
          await turn.sendText('Thank you. Your feedback has been recorded and the IEV team will read it.');
        },
      },
    ],
  };
}
