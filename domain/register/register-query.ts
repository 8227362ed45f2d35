import type { Partner } from './partner.js';

export type RegisterSort = 'name' | 'name-desc' | 'newest';

/** The register list's search, filters, sort and page, as the API has checked them (contract/register.ts). */
export interface RegisterQuery {
  /** Lower-cased. */
  readonly q?: string | undefined;
  readonly status?: Partner['status'] | undefined;
  readonly area?: string | undefined;
  readonly contactable?: boolean | undefined;
  readonly sort: RegisterSort;
  readonly pageSize: number;
  readonly continuation?: string | undefined;
}
