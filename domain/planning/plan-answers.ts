import { formatDate } from '../claims/claim-words.js';
import type { Plan } from './plan.js';
import { PHASE_NAMES } from './plan.js';
import { PLAN_STEPS, choiceTitle, type PlanStep } from './plan-steps.js';
import { gapsIn } from './plan-gaps.js';

/** A step's answers as "label, answer" rows in plain words (choices by their titles), for the summary and IEV. */
export function describeAnswers(plan: Plan, step: PlanStep): Array<readonly [string, string]> {
  const answers = plan.answers[step.key] ?? {};
  return step.fields.flatMap((field) => {
    const value = answers[field.id];
    if (value === undefined || value === '') return [];
    if (field.kind === 'choice') {
      const values = typeof value === 'object' ? value : [String(value)];
      return values.length > 0
        ? [[field.summaryLabel, values.map((item) => choiceTitle(field, item)).join('; ')] as const]
        : [];
    }
    if (field.kind === 'date') return [[field.summaryLabel, formatDate(String(value))] as const];
    if (field.id === 'budget') return [[field.summaryLabel, `\u00a3${Number(value).toLocaleString('en-GB')}`] as const];
    return [[field.summaryLabel, String(value)] as const];
  });
}

/** A plan to read, not change: what IEV sees when it opens the plan behind a support request. */
export interface PlanToRead {
  readonly id: string;
  readonly title: string;
  readonly hostName: string;
  readonly phase: string;
  readonly serviceArea: string | undefined;
  readonly sections: ReadonlyArray<{ readonly title: string; readonly rows: ReadonlyArray<readonly [string, string]> }>;
  readonly gaps: readonly string[];
  readonly sessions: number;
  readonly closed: boolean;
}

export function planToRead(plan: Plan): PlanToRead {
  return {
    id: plan.id,
    title: plan.title,
    hostName: plan.hostName,
    phase: PHASE_NAMES[plan.phase],
    serviceArea: plan.serviceArea,
    sections: PLAN_STEPS.map((step) => ({ title: step.title, rows: describeAnswers(plan, step) })),
    gaps: gapsIn(plan).map((gap) => gap.message),
    sessions: plan.sessions.length,
    closed: plan.outcome !== undefined,
  };
}
