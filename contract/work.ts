import { z } from 'zod';
import { continuationSchema, type Page } from './common.js';

/** Involvement work (plans from the planning bot), read-only: all of it, one service area's, or one plan. */
export const workQuerySchema = z.object({
  serviceArea: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((value) => value || undefined),
  planId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || undefined),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  continuation: continuationSchema.optional(),
});

export interface WorkSummary {
  readonly id: string;
  readonly title: string;
  readonly hostName: string;
  readonly phase: string;
  readonly serviceArea?: string | undefined;
  readonly startDate?: string | undefined;
  readonly endDate?: string | undefined;
  /** Only partners still on the register, by name: everything else about them stays behind the partner page. */
  readonly partners: ReadonlyArray<{ readonly id: string; readonly displayName: string }>;
}

export type WorkPage = Page<WorkSummary>;
