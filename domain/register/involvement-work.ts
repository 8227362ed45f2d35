import type { WorkRecord } from './ports.js';

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

/** A plan as the register lists it, with the names of the partners who may still be named (see `WorkService`). */
export function describeWork(plan: WorkRecord, partnerNames: ReadonlyMap<string, string>): WorkSummary {
  // Plans record sessions as they happen; the first and last session date are the work's dates.
  const dates = plan.sessions.map((session) => session.date).sort();
  return {
    id: plan.id,
    title: plan.title || 'Untitled involvement work',
    hostName: plan.hostName || 'A colleague',
    phase: plan.phase,
    serviceArea: plan.serviceArea || undefined,
    startDate: dates[0],
    endDate: dates.at(-1),
    partners: plan.partnerIds.flatMap((id) => {
      const displayName = partnerNames.get(id);
      return displayName ? [{ id, displayName }] : [];
    }),
  };
}
