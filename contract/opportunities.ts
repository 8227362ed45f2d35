import { z } from 'zod';

/**
 * Involvement opportunities in the tab (domain/opportunities): published from a plan, matched to the register,
 * partners invited and answering from their personal links, the host choosing from those interested.
 */
export type OpportunityKind = 'involvement' | 'interview-panel';
export type OpportunityState = 'draft' | 'awaiting-approval' | 'open' | 'closed';
export type OpportunityFormat = 'in-person' | 'online' | 'hybrid';

export interface Opportunity {
  readonly id: string;
  readonly kind: OpportunityKind;
  readonly role?: string | undefined;
  readonly hostId: string;
  readonly hostName: string;
  readonly planId: string;
  readonly title: string;
  readonly what: string;
  readonly date: string;
  readonly time?: string | undefined;
  readonly format: OpportunityFormat;
  readonly place?: string | undefined;
  readonly access: readonly string[];
  readonly accessNotes?: string | undefined;
  readonly expensesPaid: boolean;
  readonly payment?: string | undefined;
  readonly places: number;
  readonly closesOn: string;
  readonly serviceArea?: string | undefined;
  readonly interests: readonly string[];
  readonly livedExperience: readonly string[];
  readonly state: OpportunityState;
  readonly history: ReadonlyArray<{ readonly state: OpportunityState; readonly at: string; readonly byName: string }>;
  readonly invited?: { readonly count: number; readonly at: string } | undefined;
  readonly createdAt: string;
}

export interface InterestedPartner {
  readonly partnerId: string;
  readonly displayName: string;
  readonly answeredAt: string | undefined;
  readonly chosen: boolean;
  readonly reasons: readonly string[];
  readonly contact?:
    | {
        readonly email?: string | undefined;
        readonly phone?: string | undefined;
        readonly preferredMethod?: string | undefined;
      }
    | undefined;
  readonly communicationNeeds?: string | undefined;
  readonly accessNeeds?: string | undefined;
  readonly availability?: string | undefined;
  /** Interview panels: when they signed the interview guide from their link. */
  readonly guideSignedAt?: string | undefined;
}

export interface OpportunityDetail {
  readonly opportunity: Opportunity;
  readonly answers: {
    readonly invited: number;
    readonly interested: number;
    readonly notThisTime: number;
    readonly stopped: number;
    readonly waiting: number;
  };
  readonly interested: readonly InterestedPartner[];
  readonly can: { readonly approve: boolean; readonly choose: boolean; readonly close: boolean };
}

/** How many on the register fit and why; `people` only for the IEV team (hosts never see who). */
export interface MatchingView {
  readonly total: number;
  readonly strong: number;
  readonly reasons: ReadonlyArray<{ readonly reason: string; readonly words: string; readonly count: number }>;
  readonly people?: ReadonlyArray<{
    readonly partnerId: string;
    readonly displayName: string;
    readonly reasons: readonly string[];
  }>;
}

/** The publish form, filled in from the plan (the tab adds the form's operation id). */
export interface PublishForm {
  readonly planId: string;
  readonly kind: OpportunityKind;
  readonly role?: string | undefined;
  readonly title: string;
  readonly what: string;
  readonly date: string;
  readonly time?: string | undefined;
  readonly format: OpportunityFormat;
  readonly place?: string | undefined;
  readonly access: readonly string[];
  readonly accessNotes?: string | undefined;
  readonly expensesPaid: boolean;
  readonly payment?: string | undefined;
  readonly places: number;
  readonly closesOn: string;
  readonly interests: readonly string[];
  readonly livedExperience: readonly string[];
}

export type PublishRequest = PublishForm & { readonly operationId: string };

/** What the form offers: the host's plans, the access arrangements and kinds of lived experience. */
export interface OpportunityOptions {
  readonly plans: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  readonly access: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  readonly livedExperience: readonly string[];
  readonly approvalRequired: boolean;
}

export interface OpportunitySettings {
  readonly approvalRequired: boolean;
}

export const choosePartnersSchema = z.object({
  partnerIds: z
    .array(z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'Not a valid id'))
    .min(1, 'Choose at least one person.')
    .max(100),
});
export type ChoosePartnersRequest = z.infer<typeof choosePartnersSchema>;

export const opportunitySettingsSchema = z.object({ approvalRequired: z.boolean() });

export const opportunityFormQuerySchema = z.object({
  planId: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'Choose one of your plans.'),
});
