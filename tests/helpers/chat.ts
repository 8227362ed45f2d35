import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import { cardsIn } from './cards.js';
import type { ConnectorCall, LocalConnector } from './connector.js';
import { BOT_ID, TENANT_ID, type TestUser } from './users.js';

export interface Conversation {
  readonly id: string;
  readonly type: 'personal' | 'channel' | 'groupChat';
  readonly teamId?: string;
  readonly channelId?: string;
}

export interface InvokeResult {
  readonly status: number;
  /** The invoke response body Teams would get: `{ statusCode, type, value }`. */
  readonly invokeResponse: { statusCode: number; type: string; value: unknown };
  /** The card that replaces the pressed one for the presser, if the answer was a card. */
  readonly card: AdaptiveCard | undefined;
  /** Everything the bot sent through the connector while handling the press. */
  readonly sent: ConnectorCall[];
}

/**
 * One person in one Teams conversation, talking to the bot through its real HTTP endpoint as Teams
 * would (channel `msteams`, serviceUrl = the local connector).
 */
export class ChatClient {
  constructor(
    private readonly target: () => string,
    readonly connector: LocalConnector,
    readonly user: TestUser,
    readonly conversation: Conversation,
    /** Extra request headers for each post (e.g. a Bot Framework token made from the activity). */
    private readonly headers: (activity: Record<string, unknown>) => Promise<Record<string, string>> = async () => ({}),
  ) {}

  /** The same person and conversation, talking to another server instance. */
  via(url: string): ChatClient {
    return new ChatClient(() => url, this.connector, this.user, this.conversation, this.headers);
  }

  as(user: TestUser): ChatClient {
    return new ChatClient(this.target, this.connector, user, this.conversation, this.headers);
  }

  /** The same chat, sending these headers with every activity (as Teams sends its token). */
  withHeaders(headers: (activity: Record<string, unknown>) => Promise<Record<string, string>>): ChatClient {
    return new ChatClient(this.target, this.connector, this.user, this.conversation, headers);
  }

  /** Types a message; returns what the bot sent during the turn. In channels the bot is @mentioned, as Teams requires. */
  async say(text: string): Promise<ConnectorCall[]> {
    const mention = this.conversation.type === 'personal' ? '' : '<at>Involvement Hub</at> ';
    const entities = mention
      ? [{ type: 'mention', text: '<at>Involvement Hub</at>', mentioned: { id: BOT_ID, name: 'Involvement Hub' } }]
      : [];
    const { sent } = await this.post({ type: 'message', text: `${mention}${text}`, entities });
    return sent;
  }

  /** Presses an Action.Execute button (Universal Actions): an `adaptiveCard/action` invoke. */
  press(verb: string, data: Record<string, unknown> = {}, options: { replyToId?: string } = {}): Promise<InvokeResult> {
    return this.invoke('manual', verb, data, options);
  }

  /** Asks for the card's current view, as Teams does when a card with `refresh` is shown. */
  refresh(
    verb: string,
    data: Record<string, unknown> = {},
    options: { replyToId?: string } = {},
  ): Promise<InvokeResult> {
    return this.invoke('automatic', verb, data, options);
  }

  private async invoke(
    trigger: 'manual' | 'automatic',
    verb: string,
    data: Record<string, unknown>,
    options: { replyToId?: string },
  ): Promise<InvokeResult> {
    const { status, body, sent } = await this.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: options.replyToId,
      value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger },
    });
    const invokeResponse = body as InvokeResult['invokeResponse'];
    const card =
      invokeResponse?.type === 'application/vnd.microsoft.card.adaptive'
        ? (invokeResponse.value as AdaptiveCard)
        : undefined;
    return { status, invokeResponse, card, sent };
  }

  /** Presses an Action.Submit button: a message whose value carries the card's data and inputs. */
  async submit(data: Record<string, unknown>, options: { replyToId?: string } = {}): Promise<ConnectorCall[]> {
    const { sent } = await this.post({ type: 'message', value: data, replyToId: options.replyToId });
    return sent;
  }

  /** The app is installed in this conversation (personal install or added to a team). */
  async install(): Promise<ConnectorCall[]> {
    const { sent } = await this.post({ type: 'installationUpdate', action: 'add' });
    return sent;
  }

  async membersAdded(members: Array<{ id: string; name: string }>): Promise<ConnectorCall[]> {
    const { sent } = await this.post({
      type: 'conversationUpdate',
      membersAdded: members,
      channelData: this.channelData({ eventType: 'teamMemberAdded' }),
    });
    return sent;
  }

  /** Posts any activity; fills in the Teams envelope. Returns the HTTP status and body and what the bot sent meanwhile. */
  async post(
    partial: Partial<Activity> & Record<string, unknown>,
  ): Promise<{ status: number; body: unknown; sent: ConnectorCall[] }> {
    const activity = this.envelope(partial);
    const before = this.connector.calls.length;
    const response = await fetch(`${this.target()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await this.headers(activity)) },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    return { status: response.status, body, sent: this.connector.calls.slice(before) };
  }

  private envelope(partial: Partial<Activity> & Record<string, unknown>): Record<string, unknown> {
    const { channelData, ...rest } = partial as { channelData?: unknown } & Record<string, unknown>;
    return {
      id: `incoming-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: this.connector.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: 'en-GB',
      from: { id: `29:${this.user.id}`, name: this.user.name, aadObjectId: this.user.id },
      recipient: { id: BOT_ID, name: 'Involvement Hub' },
      conversation: {
        id: this.conversation.id,
        conversationType: this.conversation.type,
        tenantId: TENANT_ID,
        isGroup: this.conversation.type !== 'personal',
      },
      channelData: this.channelData((channelData as Record<string, unknown> | undefined) ?? {}),
      ...rest,
    };
  }

  private channelData(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      tenant: { id: TENANT_ID },
      ...(this.conversation.teamId ? { team: { id: this.conversation.teamId, name: 'Test team' } } : {}),
      ...(this.conversation.channelId ? { channel: { id: this.conversation.channelId, name: 'General' } } : {}),
      ...extra,
    };
  }
}

/** The cards among what the bot sent. */
export function cardsSent(calls: readonly ConnectorCall[]): AdaptiveCard[] {
  return cardsIn(calls);
}

/** The text of plain (non-card) messages among what the bot sent. */
export function textsSent(calls: readonly ConnectorCall[]): string[] {
  return calls
    .map((call) => call.activity.text)
    .filter((text): text is string => typeof text === 'string' && text.length > 0);
}
