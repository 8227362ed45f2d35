import type { CreateResult, StoredDocument, Versioned } from '../ports.js';
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

/**
 * An organisation's name, held by one organisation: the unique key of the directory. The container is
 * partitioned by id, so a unique key policy could not span two organisations; a document per name can, since
 * the database lets one creation of an id win. The holder writes its organisation, then confirms the claim
 * with the etag it got: of two adds of one name at the same moment, one confirms and the other undoes its write.
 */
export interface NameClaim extends StoredDocument {
  readonly type: 'organisation-name';
  readonly organisationId: string;
  readonly confirmedAt?: string | undefined;
}

export interface OrganisationNames {
  /** Create-if-absent: the claim now stored under this name (this organisation's, or the one there before). */
  claimName(searchName: string, organisationId: string): Promise<Versioned<NameClaim>>;
  /** StaleVersionError when the claim changed since `etag`. */
  replaceNameClaim(claim: NameClaim, etag: string): Promise<Versioned<NameClaim>>;
  /** Frees the name if this organisation holds it. */
  releaseName(searchName: string, organisationId: string): Promise<void>;
}
