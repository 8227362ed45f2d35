import { retryOnConflict } from '../concurrency.js';
import type { Partner } from './partner.js';
import type { AttendanceRepository } from './ports.js';

export interface SessionAttendance {
  readonly sessionId: string;
  /** The day the session took place (YYYY-MM-DD or an ISO date-time). */
  readonly date: string;
  readonly durationMinutes: number;
}

const REMEMBERED_SESSIONS = 200;

/**
 * The partner after taking part in a session: hours added (to the nearest quarter hour) and "last
 * involved" moved on. Undefined when this session was already counted.
 */
export function withAttendance(partner: Partner, attendance: SessionAttendance): Partner | undefined {
  const counted = partner.countedSessionIds ?? [];
  if (counted.includes(attendance.sessionId)) return undefined;
  const sessionAt = new Date(
    attendance.date.length === 10 ? `${attendance.date}T12:00:00.000Z` : attendance.date,
  ).toISOString();
  const hours = Math.round((attendance.durationMinutes / 60) * 4) / 4;
  return {
    ...partner,
    hoursInvolved: Math.round(((partner.hoursInvolved ?? 0) + hours) * 100) / 100,
    lastInvolvedAt: !partner.lastInvolvedAt || partner.lastInvolvedAt < sessionAt ? sessionAt : partner.lastInvolvedAt,
    countedSessionIds: [...counted, attendance.sessionId].slice(-REMEMBERED_SESSIONS),
  };
}

/** Counts a session on each partner's register entry. Safe to repeat: a session is counted once per partner. */
export async function recordAttendance(
  partners: AttendanceRepository,
  partnerIds: readonly string[],
  attendance: SessionAttendance,
): Promise<void> {
  for (const partnerId of partnerIds) {
    // Another session for the same partner counted at the same moment is a conflict: re-read and add ours.
    await retryOnConflict(async () => {
      const partner = await partners.find(partnerId);
      const updated = partner && withAttendance(partner, attendance);
      if (partner && updated) await partners.replace(updated, partner._etag);
    });
  }
}
