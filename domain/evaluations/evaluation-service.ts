import type { LinkState, PersonalLinks } from '../links/personal-links.js';
import type { OwedMessage } from '../partner-messages/partner-messaging.js';
import type { Clock } from '../ports.js';
import type { EvaluatedWork, EvaluationRepository } from './ports.js';
import { COMMENT_MAX_LENGTH, EVALUATION_QUESTIONS, type EvaluationAnswers } from './questions.js';

/** A letter takes days to arrive and people answer when they can: six weeks from the close of the work. */
export const EVALUATION_LINK_DAYS = 42;

/** A link that did not open the form, and why (each has its own plain page). */
export type EvaluationRefusal = Exclude<LinkState['state'], 'ok'> | 'unknown-work';

export type EvaluationOpening =
  { readonly state: 'ok'; readonly work: EvaluatedWork } | { readonly state: EvaluationRefusal };

export interface PartnerEvaluationsOptions {
  readonly links: Pick<PersonalLinks, 'issue' | 'open' | 'use'>;
  readonly store: EvaluationRepository;
  /** The piece of work by host and id (plans are kept by host). */
  readonly work: (hostId: string, planId: string) => Promise<EvaluatedWork | undefined>;
  /** The page's address for a token (the token goes in the query string: paths are logged, queries never). */
  readonly linkUrl: (token: string) => string;
  readonly now?: Clock;
}

/** What a closed piece of work invites: the people who took part, each with their own link. */
export interface ClosedWork {
  readonly id: string;
  readonly hostId: string;
  readonly title: string | undefined;
  readonly partnerIds: readonly string[];
}

/**
 * Partners' own "how was it for you?": an invitation with a personal link when a piece of work they took part
 * in closes, a short form behind it, and answers kept with nothing that leads back to them (domain/impact
 * summarises them with small numbers suppressed; nobody reads one on its own).
 */
export class PartnerEvaluations {
  constructor(private readonly options: PartnerEvaluationsOptions) {}

  /** One invitation per partner who took part, keyed by work and partner: owing it again sends it once. */
  async invitations(work: ClosedWork, now = this.now()): Promise<OwedMessage[]> {
    const expiresAt = new Date(now.getTime() + EVALUATION_LINK_DAYS * 24 * 60 * 60 * 1000);
    const owed: OwedMessage[] = [];
    for (const partnerId of new Set(work.partnerIds)) {
      const link = await this.options.links.issue({
        purpose: 'evaluation',
        partnerId,
        subject: subjectOf(work),
        key: `evaluation:${work.id}:${partnerId}`,
        expiresAt,
      });
      owed.push({
        eventId: `evaluation-invitation:${work.id}:${partnerId}`,
        partnerId,
        kind: 'evaluation-invitation',
        facts: {
          work_title: work.title || 'our involvement work',
          link: this.options.linkUrl(link.token),
          closes_on: longDate(link.expiresAt),
        },
        condition: { kind: 'plan-closed', planId: work.id, hostId: work.hostId },
      });
    }
    return owed;
  }

  /** The form's page: which piece of work it is about, or why the link does not open it. */
  async open(token: string): Promise<EvaluationOpening> {
    const opened = await this.options.links.open('evaluation', token);
    if (opened.state !== 'ok') return { state: opened.state };
    const work = await this.workOf(opened.link.subject);
    return work ? { state: 'ok', work } : { state: 'unknown-work' };
  }

  /**
   * Keeps the answers, once per link: stored under the link's operation id (random, and forgotten once the link
   * is spent), so of any number of presses at the same moment one is kept, and a press after a failure part-way
   * completes it rather than finding the link spent with nothing kept. Stored with the piece of work, its service
   * area and the day. Call with answers already checked (`parseEvaluation`).
   */
  async answer(token: string, answers: ParsedEvaluation): Promise<EvaluationOpening> {
    const opened = await this.open(token);
    if (opened.state !== 'ok') return opened;
    const used = await this.options.links.use('evaluation', token, async (_link, operationId) => {
      const { created } = await this.options.store.create({
        id: operationId,
        type: 'partner-evaluation',
        schemaVersion: 1,
        workId: opened.work.id,
        serviceArea: opened.work.serviceArea,
        day: this.now().toISOString().slice(0, 10),
        answers: answers.answers,
        comment: answers.comment,
      });
      return created;
    });
    return used.state === 'ok' ? opened : { state: used.state };
  }

  private async workOf(subject: string): Promise<EvaluatedWork | undefined> {
    const at = subject.lastIndexOf('|');
    if (at < 0) return undefined;
    return this.options.work(subject.slice(0, at), subject.slice(at + 1));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

export interface ParsedEvaluation {
  readonly answers: EvaluationAnswers;
  readonly comment: string | undefined;
}

/**
 * The form as sent, checked: only the listed answers to the listed questions, a comment of bounded length, and
 * at least something. Problems name the field, in words for the person filling it in.
 */
export function parseEvaluation(
  form: Readonly<Record<string, unknown>>,
): { ok: true; value: ParsedEvaluation } | { ok: false; problems: Array<{ field: string; message: string }> } {
  const problems: Array<{ field: string; message: string }> = [];
  const answers: Record<string, string> = {};
  for (const question of EVALUATION_QUESTIONS) {
    const given = form[question.key];
    if (given === undefined || given === '') continue;
    if (typeof given === 'string' && question.answers.some((answer) => answer.value === given))
      answers[question.key] = given;
    else problems.push({ field: question.key, message: 'Please choose one of the answers shown.' });
  }
  const rawComment = form.comment;
  const comment = typeof rawComment === 'string' ? rawComment.trim() : '';
  if (rawComment !== undefined && typeof rawComment !== 'string')
    problems.push({ field: 'comment', message: 'Please type your comment again.' });
  if (comment.length > COMMENT_MAX_LENGTH)
    problems.push({
      field: 'comment',
      message: `Please keep this to ${COMMENT_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer.`,
    });
  if (problems.length === 0 && Object.keys(answers).length === 0 && !comment)
    problems.push({ field: EVALUATION_QUESTIONS[0].key, message: 'Please answer at least one question.' });
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { answers, comment: comment || undefined } };
}

/** A link's subject: the piece of work, by its host (plans are kept by host) and id. */
function subjectOf(work: ClosedWork): string {
  return `${work.hostId}|${work.id}`;
}

function longDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
}
