/**
 * What "Is it working?" is given: narrow projections of the stored records, never whole documents, so
 * no name or contact detail ever reaches the report.
 */

/** A partner, as far as the report needs: equality answers only when they agreed to equality monitoring. */
export interface PartnerFacts {
  readonly id: string;
  readonly equality?: Readonly<Record<string, string>> | undefined;
}

export interface SessionFacts {
  readonly workId: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly durationMinutes: number;
  readonly partnerIds: readonly string[];
}

export interface WorkFacts {
  readonly id: string;
  readonly title?: string | undefined;
  readonly serviceArea?: string | undefined;
  /** The groups the plan set out to reach (the "Who should be involved?" step's choice values). */
  readonly groupsToReach?: readonly string[] | undefined;
  /** The host recorded the outcome (the "after" part). */
  readonly outcomeRecorded?: boolean | undefined;
  /** The host recorded how outcomes were fed back to the people involved. */
  readonly feedbackRecorded: boolean;
  /** The host's "how well did involving people work?" rating, when the outcome has one. */
  readonly hostRating?: string | undefined;
}

export interface PaidClaimFacts {
  readonly id: string;
  /** The piece of work the claim was for, when the host linked one. */
  readonly workId?: string | undefined;
  readonly submittedAt: string;
  readonly paidAt: string;
  readonly expensesPence: number;
  readonly paymentsPence: number;
}

/** One partner's "how was it for you?" (domain/evaluations): the piece of work, the day, the answers; never who, never free text. */
export interface PartnerEvaluationFacts {
  readonly workId: string;
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly answers: Readonly<Record<string, string>>;
}

export interface ImpactFacts {
  /** Every session up to the end of the period (earlier ones tell new faces from returning ones). */
  readonly sessions: readonly SessionFacts[];
  /** The partners who took part in a session in the period and are still on the register, with equality consent. */
  readonly partners: readonly PartnerFacts[];
  readonly work: readonly WorkFacts[];
  /** Claims paid in the period. */
  readonly paidClaims: readonly PaidClaimFacts[];
  /** Partners' own evaluations given in the period. */
  readonly partnerEvaluations?: readonly PartnerEvaluationFacts[] | undefined;
}
