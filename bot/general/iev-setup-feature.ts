import { messageCard } from '../cards/message-card.js';
import type { IevChannel } from '../../domain/people/iev-channel.js';
import { addressOf } from '../conversation-address.js';
import type { BotFeature } from '../feature.js';

/** "set up IEV channel": an IEV member tells the bot which channel approvals and requests go to. */
export function ievSetupFeature(ievChannel: IevChannel, afterSetup: () => Promise<unknown>): BotFeature {
  return {
    name: 'iev-setup',
    commands: [
      {
        command: 'set up IEV channel',
        description: 'IEV team only: post approvals and support requests to this channel',
        patterns: [/^set ?up (the )?iev channel\b/i, /^use this (as the )?iev channel\b/i],
        handle: async (turn) => {
          await ievChannel.register(turn.actor, addressOf(turn.context.activity));
          // What was asked before the channel existed is posted now (the outbox owes it already).
          await afterSetup();
          await turn.sendCard(
            messageCard(
              'This is now the IEV channel',
              'I will post expense claims for approval and New Works support requests here. IEV team members will see buttons to act on them; everyone else sees their status.',
            ),
          );
        },
      },
    ],
  };
}
