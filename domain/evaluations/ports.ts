import type { CreateResult, StoredDocument } from '../ports.js';
import type { EvaluationAnswers } from './questions.js';

/**
 * One partner's "how was it for you?", stored in `evaluations` (partition key /id) with a random id and
 * nothing that leads back to them: no partner id, no link id, no contact detail, and the day only (not the
 * time, which could be matched against the link's use). Only ever read as a summary, never one by one.
 */
export interface PartnerEvaluation extends StoredDocument {
  readonly type: 'partner-evaluation';
  readonly schemaVersion: 1;
  /** The piece of work (plan) it is about. */
  readonly workId: string;
  readonly serviceArea: string | undefined;
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly answers: EvaluationAnswers;
  /** Free text, optional. */
  readonly comment: string | undefined;
}

export interface EvaluationRepository {
  /** Create-if-absent: `created: false` when one with this id is already stored (a retry). */
  create(evaluation: PartnerEvaluation): Promise<CreateResult<PartnerEvaluation>>;
}

/** The piece of work a link is about, as the page and the stored answer need it. */
export interface EvaluatedWork {
  readonly id: string;
  readonly title: string | undefined;
  readonly serviceArea: string | undefined;
}
