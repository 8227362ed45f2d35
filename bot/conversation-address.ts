import type { Activity } from 'botbuilder';
import type { ConversationAddress } from '../domain/people/ports.js';
import type { ConversationKind } from './feature.js';

export function conversationKindOf(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

/** The parts of an incoming activity needed to message the same place again later. */
export function addressOf(activity: Partial<Activity>): ConversationAddress {
  const channelData = activity.channelData as { tenant?: { id?: string }; channel?: { id?: string } } | undefined;
  return {
    serviceUrl: activity.serviceUrl ?? '',
    conversationId: activity.conversation?.id ?? '',
    tenantId: channelData?.tenant?.id ?? activity.conversation?.tenantId,
    channelId: activity.channelId ?? 'msteams',
    botId: activity.recipient?.id ?? '',
    conversationType: conversationKindOf(activity),
    teamsChannelId: channelData?.channel?.id,
  };
}

/** Whether the activity came from the channel recorded as `channelConversationId` (in any of its threads). */
export function isInChannel(activity: Partial<Activity>, channelConversationId: string | undefined): boolean {
  if (conversationKindOf(activity) !== 'channel' || !channelConversationId) return false;
  const here = addressOf(activity);
  return (here.teamsChannelId ?? here.conversationId.split(';')[0]) === channelConversationId;
}
