import { z } from 'zod';
import { PARTNER_STATUSES } from './partner.js';

export const REGISTER_SORTS = ['name', 'name-desc', 'newest'] as const;
export const MAX_PAGE_SIZE = 100;

/** The register list's search, filters, sort and page, as the tab sends them in the query string. */
export const registerQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(80, 'Search for up to 80 characters.')
    .optional()
    .transform((value) => (value ? value.toLowerCase() : undefined)),
  status: z.enum(PARTNER_STATUSES).optional(),
  area: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((value) => value || undefined),
  contactable: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  sort: z.enum(REGISTER_SORTS).default('name'),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  continuation: z.string().max(4000).optional(),
});

export type RegisterQuery = z.infer<typeof registerQuerySchema>;
