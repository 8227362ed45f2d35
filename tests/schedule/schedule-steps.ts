import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import type { TestApp, TestAppOptions } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import type { TestUser } from '../helpers/users.js';
import { eventually, personalChatId, startClaimsApp } from '../claims/claim-steps.js';

const DAY_MS = 86_400_000;

/** The time the app's outbox and scheduled jobs go by: the real time, moved on by the test. */
export class TestClock {
  private offsetMs = 0;

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  /** To `days` (fractions allowed) after `start`. */
  setDaysAfter(start: Date, days: number): void {
    this.offsetMs = start.getTime() + days * DAY_MS - Date.now();
  }

  advanceDays(days: number): void {
    this.offsetMs += days * DAY_MS;
  }
}

/** The claims app (IEV channel set up) on a controllable clock, with every scheduled job run by the test. */
export async function startScheduleApp(clock: TestClock, options: TestAppOptions = {}): Promise<TestApp> {
  return startClaimsApp({
    ...options,
    env: { SCHEDULE_HOUR_UTC: '0', ...options.env },
    start: { ...options.start, clock: clock.now },
  });
}

/** Reminder cards the bot sent to the user's 1:1 chat whose text matches `pattern`. */
export function remindersTo(app: TestApp, user: TestUser, pattern: RegExp): AdaptiveCard[] {
  return cardsSent(app.connector.sentTo(personalChatId(user)).filter((call) => call.kind === 'send')).filter((card) =>
    pattern.test(cardText(card)),
  );
}

/** Waits until `count` reminders matching `pattern` have reached the user's 1:1 chat; returns them. */
export async function remindersArrived(
  app: TestApp,
  user: TestUser,
  pattern: RegExp,
  count = 1,
): Promise<AdaptiveCard[]> {
  return eventually(async () => {
    const found = remindersTo(app, user, pattern);
    return found.length >= count && found;
  }, `${count} reminder(s) matching ${pattern}`);
}

/** Runs the scheduled jobs now, then lets the outbox deliver whatever they owed. */
export async function runScheduledJobs(app: TestApp): Promise<string[]> {
  const ran = await app.services.schedule.scheduler.tick();
  await settleOutbox(app);
  return ran;
}

/** Delivers every message that is due now, as the outbox's passes would. */
export async function settleOutbox(app: TestApp): Promise<void> {
  while ((await app.services.outbox.dispatcher.runOnce()) > 0);
}
