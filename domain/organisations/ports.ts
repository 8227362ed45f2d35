import type { CreateResult, Versioned } from '../ports.js';
import type { Organisation } from './organisation.js';

/** The community organisations directory's store: a small list (at most MAX_ORGANISATIONS), read whole. */
export interface OrganisationRepository {
  all(): Promise<Array<Versioned<Organisation>>>;
  find(id: string): Promise<Versioned<Organisation> | undefined>;
  /** Idempotent: an organisation already stored under this id is returned with `created: false`. */
  create(organisation: Organisation): Promise<CreateResult<Organisation>>;
  /** StaleVersionError when someone changed it since `etag`. */
  replace(organisation: Organisation, etag: string): Promise<Versioned<Organisation>>;
  remove(id: string): Promise<void>;
}
