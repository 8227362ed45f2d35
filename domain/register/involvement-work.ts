import type { InvolvementWorkRecord } from '../../storage/partner-store.js';

/** A piece of involvement work as the register tab lists it. */
export interface WorkSummary {
  readonly id: string;
  readonly title: string;
  readonly hostName: string;
  readonly phase: string;
  readonly serviceArea: string | undefined;
  readonly startDate: string | undefined;
  readonly endDate: string | undefined;
  readonly partners: ReadonlyArray<{ id: string; displayName: string }>;
}

/** Plans are written by the planning bot and may be mid-way through: every field but the id is optional. */
export function describeWork(plan: InvolvementWorkRecord, partnerNames: ReadonlyMap<string, string>): WorkSummary {
  const dates = (typeof plan.dates === 'object' && plan.dates !== null ? plan.dates : {}) as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
  return {
    id: plan.id,
    title: text(plan.title) ?? 'Untitled involvement work',
    hostName: text(plan.hostName) ?? 'A colleague',
    phase: text(plan.phase) ?? 'planning',
    serviceArea: text(plan.serviceArea),
    // Plans record sessions as they happen; the first and last session date are the work's dates.
    startDate: text(plan.startDate) ?? text(dates.start) ?? text(dates.startDate) ?? sessionDates(plan)[0],
    endDate: text(plan.endDate) ?? text(dates.end) ?? text(dates.endDate) ?? sessionDates(plan).at(-1),
    partners: (plan.partnerIds ?? []).flatMap((id) => {
      const displayName = partnerNames.get(id);
      return displayName ? [{ id, displayName }] : [];
    }),
  };
}

function sessionDates(plan: InvolvementWorkRecord): string[] {
  return (plan.sessions ?? []).flatMap((session) => (typeof session.date === 'string' ? [session.date] : [])).sort();
}
