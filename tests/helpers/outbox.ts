import type { TestApp } from './app.js';

const FAR_FUTURE = new Date('2999-01-01T00:00:00Z');

/**
 * Waits until nothing is owed in the apps' outbox (no message pending, now or later) and then stops their
 * dispatchers, which waits for any delivery still under way. After it, nothing more can reach the connector,
 * so "sent exactly once" is a fact rather than what was seen within a fixed sleep.
 */
export async function outboxQuiet(apps: readonly TestApp[], timeoutMs = 20_000): Promise<void> {
  const [first] = apps;
  if (!first) return;
  const deadline = Date.now() + timeoutMs;
  while ((await first.services.outbox.store.due(FAR_FUTURE, 1)).length > 0) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the outbox to deliver what it owes');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const app of apps) await app.services.outbox.dispatcher.stop();
}
