import type { CreateResult, StoredDocument, Versioned } from '../ports.js';
import type { RegistrationInput } from '../register/registration.js';

/**
 * Someone's application to join the register, made on the public /join page. Not a partner: nothing of it is
 * shown to hosts, and IEV decides. Once decided, the form goes (an approved applicant's details are on the
 * register; a declined applicant's are not kept), leaving when, who decided and why.
 */
export interface Application extends StoredDocument {
  readonly type: 'application';
  readonly schemaVersion: 1;
  readonly status: 'pending' | 'approved' | 'declined';
  readonly submittedAt: string;
  /** The form as sent, checked by the same rules as IEV's registration form; removed once decided. */
  readonly form?: RegistrationInput | undefined;
  /** Lower-cased name, for duplicate detection while pending; removed with the form. */
  readonly searchName?: string | undefined;
  readonly decision?:
    | {
        readonly at: string;
        readonly byId: string;
        readonly byName: string;
        readonly reason?: string | undefined;
        readonly partnerId?: string | undefined;
      }
    | undefined;
}

export interface ApplicationRepository {
  /** Idempotent by id (the form's operation id): a retried submission stores one application. */
  create(application: Application): Promise<CreateResult<Application>>;
  find(id: string): Promise<Versioned<Application> | undefined>;
  replace(application: Application, etag: string): Promise<Versioned<Application>>;
  /** Pending applications, oldest first. */
  pending(limit: number): Promise<Array<Versioned<Application>>>;
  countPending(): Promise<number>;
  /** Pending applications with exactly this (normalised) name. */
  pendingWithSearchName(searchName: string): Promise<Array<Versioned<Application>>>;
  /** Decided applications that became this partner. */
  forPartner(partnerId: string): Promise<Array<Versioned<Application>>>;
}
