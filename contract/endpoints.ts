import { del, get, post, put, type FileDownload } from './endpoint.js';
// Types only: the tab loads this table at run time, and the zod schemas must stay out of its bundle.
import type {
  ClaimList,
  ClaimView,
  DecisionRequest,
  ExportRequest,
  ExportResult,
  MarkPaidRequest,
  PaymentBatchDetail,
  ReopenRequest,
  PaymentsOverview,
  PaymentBatch,
  WaitingCount,
  claimsQuerySchema,
} from './claims.js';
import type { boardReportQuerySchema, impactQuerySchema, ImpactReport } from './impact.js';
import type {
  ErasureRequest,
  ErasureResult,
  PartnerDataExport,
  RetentionReviewPage,
  retentionReviewQuerySchema,
  ConsentRenewalAsked,
  ConsentRenewalPage,
  consentRenewalsQuerySchema,
} from './partner-rights.js';
import type {
  AuditEntry,
  ConsentChangeRequest,
  NewVersion,
  PanelTrainingRequest,
  PartnerCorrectionRequest,
  PartnerPage,
  RegisteredPartner,
  RegisterOptions,
  RegisterPage,
  RegistrationRequest,
  registerQuerySchema,
  StatusChange,
  WelcomeTask,
} from './register.js';
import type { Me, Session } from './session.js';
import type {
  PlanToRead,
  SupportAssignRequest,
  supportListQuerySchema,
  SupportNoteRequest,
  SupportRequestPage,
  SupportRequestRow,
} from './support.js';
import type { PartnerMessageRow } from './partner-messages.js';
import type { ApplicationRow, DeclineRequest } from './applications.js';
import type {
  AddOrganisationRequest,
  ChangeOrganisationRequest,
  CommunityOrganisation,
  ImportOrganisationsRequest,
  OrganisationDirectory,
} from './organisations.js';
import type { PeopleFound, peopleSearchSchema, Team, TeamChangeRequest, TeamMember } from './team.js';
import type { WorkPage, workQuerySchema } from './work.js';
import type {
  ChoosePartnersRequest,
  MatchingView,
  Opportunity,
  OpportunityDetail,
  opportunityFormQuerySchema,
  OpportunityOptions,
  OpportunitySettings,
  PublishForm,
  PublishRequest,
} from './opportunities.js';

type Items<T> = { readonly items: readonly T[] };
type QueryFields<S extends { shape: object }> = S['shape'];

/**
 * Every endpoint of the tab's API, in one table: the server mounts each route by its entry here and
 * the tab calls it by the same entry. Each answers JSON, or problem+json (contract/common.ts) on failure.
 */
export const API = {
  /** How to sign in; the only route that needs no sign-in. */
  session: get('/api/session').answers<Session>(),
  me: get('/api/me').answers<Me>(),

  registerOptions: get('/api/register/options').answers<RegisterOptions>(),
  partners: get('/api/partners').reads<QueryFields<typeof registerQuerySchema>>().answers<RegisterPage>(),
  /** 201 when the partner was added, 200 when this operationId had added them already; 409 for a likely duplicate. */
  registerPartner: post('/api/partners').sends<RegistrationRequest>().answers<RegisteredPartner>(),
  partner: get('/api/partners/:id').answers<PartnerPage>(),
  partnerAudit: get('/api/partners/:id/audit').answers<Items<AuditEntry>>(),
  /** IEV corrects a partner's details; 409 when someone changed them since `version`. */
  correctPartner: put('/api/partners/:id')
    .sends<PartnerCorrectionRequest>()
    .answers<NewVersion & { readonly changed: readonly string[] }>(),
  /** IEV records a partner's new choice about one purpose of consent. */
  partnerConsent: post('/api/partners/:id/consent').sends<ConsentChangeRequest>().answers<NewVersion>(),
  partnerStatus: put('/api/partners/:id/status').sends<StatusChange>().answers<NewVersion>(),
  /** IEV records interview panel training (seed 004): matching favours trained partners for interview panels. */
  partnerPanelTraining: post('/api/partners/:id/panel-training').sends<PanelTrainingRequest>().answers<NewVersion>(),
  welcomeTasks: get('/api/welcome-tasks').answers<Items<WelcomeTask>>(),
  /** IEV: applications to join from the public /join page, oldest first; approve registers and welcomes them. */
  applications: get('/api/applications').answers<Items<ApplicationRow>>(),
  approveApplication: post('/api/applications/:id/approve').answers<{ readonly partnerId: string }>(),
  declineApplication: post('/api/applications/:id/decline').sends<DeclineRequest>().answers<void>(),
  /** IEV: the messages sent (or not) to a partner by GOV.UK Notify, with what to do about any that did not arrive. */
  partnerMessages: get('/api/partners/:id/messages').answers<Items<PartnerMessageRow>>(),
  /** 204. */
  welcomeSent: post('/api/partners/:id/welcome-sent').answers<void>(),

  partnerExport: get('/api/partners/:id/export').answers<PartnerDataExport>(),
  partnerErase: post('/api/partners/:id/erase').sends<ErasureRequest>().answers<ErasureResult>(),
  retentionReview: get('/api/retention-review')
    .reads<QueryFields<typeof retentionReviewQuerySchema>>()
    .answers<RetentionReviewPage>(),
  consentRenewals: get('/api/consent-renewals')
    .reads<QueryFields<typeof consentRenewalsQuerySchema>>()
    .answers<ConsentRenewalPage>(),
  askConsentRenewal: post('/api/consent-renewals/:id/ask').answers<ConsentRenewalAsked>(),

  work: get('/api/work').reads<QueryFields<typeof workQuerySchema>>().answers<WorkPage>(),

  claims: get('/api/claims').reads<QueryFields<typeof claimsQuerySchema>>().answers<ClaimList>(),
  waitingClaims: get('/api/claims/waiting').answers<WaitingCount>(),
  claim: get('/api/claims/:claimId').answers<ClaimView>(),
  /** The approval card's decision, from the claim's page: 409 when someone decided first (the detail says who). */
  decideClaim: post('/api/claims/:claimId/decision').sends<DecisionRequest>().answers<ClaimView>(),
  /** The host takes back a rejected or partly approved claim (the same claim, its history kept): 409 when it cannot be. */
  reopenClaim: post('/api/claims/:claimId/reopen').sends<ReopenRequest>().answers<ClaimView>(),
  receipt: get('/api/claims/:claimId/receipts/:receiptId').answers<FileDownload>(),
  /** 201 with the new batch; 200 with `batch: null` when nothing was waiting. */
  exportClaims: post('/api/claims/exports').sends<ExportRequest>().answers<ExportResult>(),
  paymentBatches: get('/api/payment-batches').answers<Items<PaymentBatch>>(),
  /** `category` is `expenses.csv` or `payments.csv`. */
  paymentBatchFile: get('/api/payment-batches/:batchId/:category').answers<FileDownload>(),
  /** IEV's Payments view. */
  payments: get('/api/payments').answers<PaymentsOverview>(),
  paymentBatch: get('/api/payment-batches/:batchId').answers<PaymentBatchDetail>(),
  /** The body may be left out: the whole batch, paid today. */
  paymentBatchPaid: post('/api/payment-batches/:batchId/paid')
    .sends<MarkPaidRequest>()
    .answers<{ readonly batch: PaymentBatch }>(),

  /** IEV only: the team's members and its latest changes; finding a colleague; adding (201) and removing (204). */
  team: get('/api/team').answers<Team>(),
  teamPeople: get('/api/team/people').reads<QueryFields<typeof peopleSearchSchema>>().answers<PeopleFound>(),
  addTeamMember: post('/api/team/members').sends<TeamChangeRequest>().answers<TeamMember>(),
  removeTeamMember: del('/api/team/members/:userId').answers<void>(),

  /**
   * The community organisations directory: hosts and IEV read it (a named contact only for IEV); IEV adds (201),
   * changes (409 when changed since `version`), removes (204), marks checked today and imports a CSV (all or nothing).
   */
  organisations: get('/api/organisations').answers<OrganisationDirectory>(),
  addOrganisation: post('/api/organisations').sends<AddOrganisationRequest>().answers<CommunityOrganisation>(),
  changeOrganisation: put('/api/organisations/:id').sends<ChangeOrganisationRequest>().answers<CommunityOrganisation>(),
  removeOrganisation: del('/api/organisations/:id').answers<void>(),
  organisationChecked: post('/api/organisations/:id/checked').answers<CommunityOrganisation>(),
  importOrganisations: post('/api/organisations/import')
    .sends<ImportOrganisationsRequest>()
    .answers<{ readonly added: number }>(),

  /** IEV only: New Works requests (open and taken unless `status` says), giving one to a colleague, notes, done. */
  supportRequests: get('/api/support-requests')
    .reads<QueryFields<typeof supportListQuerySchema>>()
    .answers<SupportRequestPage>(),
  /** The plan behind a request, read-only. */
  supportRequestPlan: get('/api/support-requests/:hostId/:requestId/plan').answers<PlanToRead>(),
  assignSupportRequest: post('/api/support-requests/:hostId/:requestId/assign')
    .sends<SupportAssignRequest>()
    .answers<SupportRequestRow>(),
  noteSupportRequest: post('/api/support-requests/:hostId/:requestId/notes')
    .sends<SupportNoteRequest>()
    .answers<SupportRequestRow>(),
  /** The host is told (through the outbox); marking it done again changes nothing. */
  supportRequestDone: post('/api/support-requests/:hostId/:requestId/done').answers<SupportRequestRow>(),

  /** Involvement opportunities: a host's own (IEV: all), published from a plan; matching shows how many fit and why. */
  opportunities: get('/api/opportunities').answers<Items<Opportunity>>(),
  opportunityOptions: get('/api/opportunities/options').answers<OpportunityOptions>(),
  /** The publish form filled in from one of the host's plans. */
  opportunityForm: get('/api/opportunities/form')
    .reads<QueryFields<typeof opportunityFormQuerySchema>>()
    .answers<PublishForm>(),
  /** 201; publishing the same form (operationId) again answers the first. Opens and invites unless IEV approves first. */
  publishOpportunity: post('/api/opportunities').sends<PublishRequest>().answers<OpportunityDetail>(),
  opportunity: get('/api/opportunities/:id').answers<OpportunityDetail>(),
  opportunityMatching: get('/api/opportunities/:id/matching').answers<MatchingView>(),
  approveOpportunity: post('/api/opportunities/:id/approve').answers<OpportunityDetail>(),
  chooseOpportunityPartners: post('/api/opportunities/:id/choose')
    .sends<ChoosePartnersRequest>()
    .answers<OpportunityDetail>(),
  closeOpportunity: post('/api/opportunities/:id/close').answers<OpportunityDetail>(),
  /** IEV's setting: whether invitations wait for their approval. */
  opportunitySettings: get('/api/opportunity-settings').answers<OpportunitySettings>(),
  changeOpportunitySettings: put('/api/opportunity-settings')
    .sends<OpportunitySettings>()
    .answers<OpportunitySettings>(),

  impact: get('/api/impact').reads<QueryFields<typeof impactQuerySchema>>().answers<ImpactReport>(),
  /** The period's figures to hand to a board: CSV or an accessible (tagged) PDF, with the suppression note. */
  impactBoardReport: get('/api/impact/board-report')
    .reads<QueryFields<typeof boardReportQuerySchema>>()
    .answers<FileDownload>(),
} as const;
