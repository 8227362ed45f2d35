import type { Deliver } from './outbox-dispatcher.js';
import type { OutboxMessage, OutboxTopic } from './ports.js';

/**
 * The outbox's one deliverer per topic. Features register theirs where the server is composed; the
 * dispatcher hands each message to the deliverer of its topic.
 */
export class OutboxDeliverers {
  private readonly byTopic = new Map<OutboxTopic, Deliver>();

  /** Each topic has exactly one deliverer: registering a second is a wiring mistake. */
  handle(topic: OutboxTopic, deliver: Deliver): void {
    if (this.byTopic.has(topic)) throw new Error(`The outbox already delivers "${topic}" messages`);
    this.byTopic.set(topic, deliver);
  }

  /**
   * A message whose topic has no deliverer in this process waits (an instance running an older
   * version during a deploy) rather than being lost or marked failed.
   */
  readonly deliver: Deliver = async (message: OutboxMessage) => {
    const deliver = this.byTopic.get(topicOf(message));
    return deliver ? deliver(message) : 'wait';
  };
}

/** Messages written before topics existed are all about claims. */
export function topicOf(message: Pick<OutboxMessage, 'topic'>): OutboxTopic {
  return message.topic ?? 'claim';
}
