/**
 * The tab's only door to the server. Every call carries who is asking: a Teams SSO token in Teams,
 * or (local mode only) the chosen developer identity. Failures come back as plain messages.
 */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(detail);
  }
}

export type Credentials = { kind: 'teams'; token: () => Promise<string> } | { kind: 'developer'; personId: string };

let credentials: Credentials | undefined;

export function setCredentials(next: Credentials): void {
  credentials = next;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await send(path, init, 'application/json');
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file from the API (a receipt, a CSV), fetched with the same credentials as every other call. */
export async function apiFile(
  path: string,
  init: { method?: string } = {},
): Promise<{ blob: Blob; fileName: string | undefined }> {
  const response = await send(path, init, '*/*');
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { blob: await response.blob(), fileName };
}

async function send(path: string, init: { method?: string; body?: unknown }, accept: string): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (credentials?.kind === 'teams') headers.authorization = `Bearer ${await teamsBearer(credentials.token)}`;
  if (credentials?.kind === 'developer') headers['x-developer-identity'] = credentials.personId;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(
      0,
      'No connection',
      'We could not reach the Involvement Hub. Check your connection and try again.',
    );
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    throw new ApiError(
      response.status,
      typeof body?.title === 'string' ? body.title : 'Something went wrong',
      typeof body?.detail === 'string' ? body.detail : 'Something went wrong on our side. Please try again.',
      Array.isArray(body?.errors) ? (body.errors as FieldProblem[]) : [],
    );
  }
  return response;
}

async function teamsBearer(token: () => Promise<string>): Promise<string> {
  try {
    return await token();
  } catch {
    throw new ApiError(
      401,
      'Teams could not sign you in',
      'Close and reopen the tab. If this keeps happening, ask your IT team whether the Involvement Hub app is allowed to sign you in.',
    );
  }
}

export interface Session {
  readonly signIn: 'developer' | 'teams-sso';
  readonly clientId?: string | null;
  readonly people?: ReadonlyArray<{ id: string; displayName: string; description: string }>;
}

export interface Me {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly string[];
}

export type PartnerStatus = 'active' | 'paused' | 'left';

export interface PartnerRow {
  readonly id: string;
  readonly displayName: string;
  readonly status: PartnerStatus;
  readonly areas: readonly string[];
  readonly interests: readonly string[];
  readonly livedExperience: readonly string[];
  readonly availability?: string;
  readonly lastInvolvedAt?: string;
  readonly consent: 'contactable' | 'register-only';
}

export type ConsentPurpose = 'register' | 'contactAboutOpportunities' | 'equalityMonitoring';

export interface PartnerView {
  readonly id: string;
  readonly displayName: string;
  readonly status: PartnerStatus;
  readonly areas?: readonly string[];
  readonly interests?: readonly string[];
  readonly livedExperience?: readonly string[];
  readonly availability?: string;
  readonly lastInvolvedAt?: string;
  readonly hoursInvolved?: number;
  readonly registeredAt?: string;
  readonly consent?: Record<ConsentPurpose, { given: boolean; at: string; how?: string }>;
  /** IEV only: every change of consent after registration, oldest first. */
  readonly consentHistory?: ReadonlyArray<{
    purpose: ConsentPurpose;
    given: boolean;
    at: string;
    how: string;
    recordedAt: string;
    byName: string;
  }>;
  readonly paymentPreference?: { choice: string };
  readonly contact?: { email?: string; phone?: string; preferredMethod?: string; postalAddress?: string };
  readonly communicationNeeds?: string;
  readonly accessNeeds?: string;
  readonly welcome?: { status: 'to-send' | 'sent'; recordedAt: string };
  readonly emergencyContact?: { name: string; relationship: string; phone: string };
  readonly equality?: Record<string, string>;
  /** IEV only: set when the partner's data was erased on request. */
  readonly erasure?: { at: string; byName: string; reason: string };
}

/** Need to know: what the caller sees of this partner, and why (domain/register/visibility.ts). */
export interface PartnerAccess {
  readonly audience: 'public' | 'in-work' | 'iev';
  readonly work: { readonly tookPartInSession: boolean; readonly claimFromHost: boolean };
}

export interface PartnerPageData {
  readonly partner: PartnerView;
  readonly access: PartnerAccess;
  readonly version?: string;
  readonly involvement?: ReadonlyArray<{
    planId: string;
    title: string;
    phase?: string;
    sessions: number;
    hours: number;
  }>;
  readonly claims?: ReadonlyArray<{
    id: string;
    status: string;
    submittedAt?: string;
    amountPence?: number;
    paidAt?: string;
  }>;
}

export interface WorkSummary {
  readonly id: string;
  readonly title: string;
  readonly hostName: string;
  readonly phase: string;
  readonly serviceArea?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly partners: ReadonlyArray<{ id: string; displayName: string }>;
}

export interface Page<T> {
  readonly items: T[];
  readonly continuation?: string;
}

export interface RegisterOptions {
  readonly serviceAreas: readonly string[];
  readonly livedExperience: readonly string[];
  readonly audience: 'viewer' | 'host' | 'iev';
}

export type ClaimStatus =
  'draft' | 'submitted' | 'queried' | 'resubmitted' | 'approved' | 'rejected' | 'exported' | 'paid';

/** Who a claim is for and who submitted it, in every view of a claim. */
interface ClaimParties {
  readonly id: string;
  readonly status: ClaimStatus;
  readonly partnerId: string;
  readonly partnerName: string;
  readonly hostId: string;
  readonly hostName: string;
}

/** A row of the IEV team's claims list. */
export interface ClaimSummary extends ClaimParties {
  readonly work: string;
  readonly totals: { expensesPence: number; paymentsPence: number };
  readonly items: number;
  readonly flagged: number;
  readonly submittedAt?: string;
  readonly payBy?: string;
  readonly pastPayBy: boolean;
  readonly paidAt?: string;
  readonly paidOn?: string;
}

export interface ClaimDetail extends ClaimParties {
  readonly work: { title: string; planId?: string };
  readonly items: ReadonlyArray<{
    id: string;
    category: 'expense' | 'payment';
    claimedPence: number;
    amountPence: number;
    explanation: string;
    flags: ReadonlyArray<{ code: string; message: string }>;
    input: { kind: string; date?: string; description?: string };
  }>;
  readonly receipts: ReadonlyArray<{
    id: string;
    itemId?: string;
    fileName: string;
    contentType: string;
    size: number;
    addedAt: string;
    url: string;
  }>;
  readonly totals: { expensesPence: number; paymentsPence: number };
  readonly policyVersion: string;
  readonly declarations?: { partnerConfirmedAt: string; hostConfirmedAt: string };
  readonly createdAt: string;
  readonly submittedAt?: string;
  readonly payBy?: string;
  readonly pastPayBy?: boolean;
  readonly paidAt?: string;
  readonly exportBatchId?: string;
  readonly decision?: { outcome: 'approved' | 'rejected'; byName: string; at: string; reason?: string };
  readonly openQuery?: { question: string; byName: string; at: string };
  readonly history: ReadonlyArray<{ status: ClaimStatus; at: string; byName: string; note?: string }>;
  /** The viewer may approve, reject or query it now (IEV, not their own claim, waiting for a decision). */
  readonly mayDecide?: boolean;
}

/** A payment batch: approved claims exported together for payment. */
export interface PaymentBatch {
  readonly id: string;
  readonly status: 'exporting' | 'exported' | 'paid';
  readonly claimIds: readonly string[];
  readonly createdAt: string;
  readonly createdByName: string;
  readonly totals: { expensesPence: number; paymentsPence: number };
  readonly paidAt?: string;
  readonly paidOn?: string;
  readonly paidByName?: string;
  readonly links: { expenses: string; payments: string; paid: string };
}

/** The Payments view: what the next export would hold, and the batches so far. */
export interface PaymentsOverview {
  readonly waiting: { claims: number; totals: { expensesPence: number; paymentsPence: number } };
  readonly batches: readonly PaymentBatch[];
}
