/**
 * The tab's only door to the server. Every call names its endpoint in the API contract
 * (contract/endpoints.ts), so its path, body and answer are the server's own types. Every call carries
 * who is asking: a Teams SSO token in Teams, or (local mode only) the chosen developer identity.
 * Failures come back as plain messages.
 */
import type { FieldProblem } from '../../contract/common.js';
import { urlOf, type Endpoint, type RequestArgs, type ResponseOf } from '../../contract/endpoint.js';

export { API } from '../../contract/endpoints.js';
export type {
  ClaimSummary,
  // The tab's ClaimView is the page that shows one.
  ClaimView as ClaimDetail,
  DecisionRequest,
  PaymentBatch,
} from '../../contract/claims.js';
export type { ImpactReport, Count, CutFigures } from '../../contract/impact.js';
export type { ConsentRenewalItem, RetentionReviewItem, RetentionReviewPage } from '../../contract/partner-rights.js';
export type {
  AuditEntry,
  ConsentChangeRequest,
  ConsentPurpose,
  ContactMethod,
  PartnerAccess,
  PartnerCorrectionRequest,
  PartnerRow,
  PartnerStatus,
  PartnerView,
  PaymentChoice,
  RegisterOptions,
  RegistrationRequest,
  WelcomeTask,
} from '../../contract/register.js';
export type { Me, Session } from '../../contract/session.js';
export type { SupportRequestRow } from '../../contract/support.js';
export type { PartnerMessageRow } from '../../contract/partner-messages.js';
export type { ApplicationRow } from '../../contract/applications.js';
export type { CommunityOrganisation } from '../../contract/organisations.js';
export type { TeamMember } from '../../contract/team.js';
export type { WorkSummary } from '../../contract/work.js';
export type { MatchingView, Opportunity, OpportunityDetail, PublishForm } from '../../contract/opportunities.js';

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

/** The URL a call goes to: the endpoint's path with its params filled in, and its query. */
export function urlFor<E extends Endpoint>(endpoint: E, ...[request]: RequestArgs<E>): string {
  const { params, query } = (request ?? {}) as {
    params?: Record<string, string>;
    query?: Record<string, string | undefined>;
  };
  return urlOf(endpoint as Endpoint, params ?? {}, query);
}

/** Calls an endpoint of the contract with its params, query and body, and answers with its type. */
export async function api<E extends Endpoint>(endpoint: E, ...args: RequestArgs<E>): Promise<ResponseOf<E>> {
  const { body } = (args[0] ?? {}) as { body?: unknown };
  return send<ResponseOf<E>>(endpoint.method, urlFor(endpoint, ...args), body);
}

/** One JSON request to a URL made by `urlFor` (or given by the server, as a next page); `api` is the typed way in. */
export async function send<T>(method: Endpoint['method'], url: string, body?: unknown): Promise<T> {
  const response = await request(url, { method, body }, 'application/json');
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file from the API (a receipt, a CSV) at a URL the server gave, fetched with the same credentials as every other call. */
export async function apiFile(url: string): Promise<{ blob: Blob; fileName: string | undefined }> {
  const response = await request(url, { method: 'GET' }, '*/*');
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { blob: await response.blob(), fileName };
}

/** Saves a file from the API (a finance CSV, a board report) as a download, with the viewer's own sign-in. */
export async function downloadFile(url: string): Promise<void> {
  const { blob, fileName } = await apiFile(url);
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName ?? 'download';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

async function request(
  url: string,
  init: { method: Endpoint['method']; body?: unknown },
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (credentials?.kind === 'teams') headers.authorization = `Bearer ${await teamsBearer(credentials.token)}`;
  if (credentials?.kind === 'developer') headers['x-developer-identity'] = credentials.personId;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
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
    const answer = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    throw new ApiError(
      response.status,
      typeof answer?.title === 'string' ? answer.title : 'Something went wrong',
      typeof answer?.detail === 'string' ? answer.detail : 'Something went wrong on our side. Please try again.',
      Array.isArray(answer?.errors) ? (answer.errors as FieldProblem[]) : [],
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
