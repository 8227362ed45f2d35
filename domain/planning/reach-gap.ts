import { EQUALITY_QUESTIONS, type EqualityQuestion } from '../register/equality-questions.js';
import type { Partner } from '../register/partner.js';
import { isShown, suppressCount, suppressGroup, type Count } from '../impact/suppression.js';
import { INCLUSION_GROUPS, PROTECTED_CHARACTERISTICS } from './plan-steps.js';

/**
 * The reach gap (seed 001: actively look for the people you are not hearing from): the groups a plan
 * set out to reach ("Who should be involved?") against the people who took part in its sessions,
 * counted only from equality answers given with consent, and shown through the one suppression rule.
 */

/** A person who took part, as far as reach needs: their equality answers, only when they agreed to equality monitoring. */
export interface ReachFacts {
  readonly equality?: Readonly<Record<string, string>> | undefined;
}

/** The projection of a register entry reach may use: nothing but consented equality answers. */
export function reachFactsOf(partner: Pick<Partner, 'consent' | 'equality'>): ReachFacts {
  // Withdrawal deletes the answers (consent.ts); the check on the consent itself guards answers that outlived it.
  return partner.consent.equalityMonitoring.given && partner.equality ? { equality: partner.equality } : {};
}

/**
 * Which equality question tells about a plan group, and which of its answers mean "in the group".
 * Without `answers`, the group is a spread to reach across (every age group, every ethnic group…).
 * Plan groups not listed here are not asked about on the register.
 */
const MEASURES: Readonly<Record<string, { readonly question: string; readonly answers?: readonly string[] }>> = {
  age: { question: 'ageBand' },
  'young-people': { question: 'ageBand', answers: ['18-24'] },
  disability: { question: 'disability', answers: ['Yes'] },
  'gender-reassignment': { question: 'genderReassignment', answers: ['No'] },
  'marriage-civil-partnership': { question: 'maritalStatus' },
  'pregnancy-maternity': { question: 'pregnancyMaternity', answers: ['Yes'] },
  race: { question: 'ethnicGroup' },
  'religion-belief': { question: 'religion' },
  sex: { question: 'sex' },
  'sexual-orientation': {
    question: 'sexualOrientation',
    answers: ['Heterosexual or straight', 'Gay or lesbian', 'Bisexual', 'Another sexual orientation'],
  },
  carers: { question: 'carer', answers: ['Yes'] },
  language: { question: 'mainLanguage', answers: ['No'] },
  veterans: { question: 'armedForces', answers: ['Yes'] },
};

/** "aged 18–24", "caring unpaid for someone": words that read after both "No one" and "People". */
const WHO: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ageBand: { '65+': 'aged 65 or over' },
  disability: { Yes: 'with a disability or long-term condition' },
  genderReassignment: { No: 'whose gender identity differs from their sex at birth' },
  pregnancyMaternity: { Yes: 'pregnant or with a new baby' },
  carer: { Yes: 'caring unpaid for someone' },
  mainLanguage: { No: 'whose main language is not English' },
  armedForces: { Yes: 'who served in the UK armed forces' },
};

function who(question: EqualityQuestion, answer: string): string {
  const phrase = WHO[question.key]?.[answer];
  if (phrase) return phrase;
  if (question.key === 'ageBand') return `aged ${answer.replace('-', '\u2013')}`;
  return `whose answer to \u201c${question.short}\u201d is \u201c${answer}\u201d`;
}

export interface ReachGroup {
  /** The plan group (the "Who should be involved?" choice value). */
  readonly group: string;
  readonly title: string;
  /** Plain sentences, e.g. "No one aged 18–24 has taken part yet." */
  readonly gaps: readonly string[];
  /** Who has taken part, with counts suppressed, e.g. "People caring unpaid for someone: fewer than 5". */
  readonly reached: readonly string[];
}

export interface PlanReach {
  readonly groups: readonly ReachGroup[];
  /** Plan groups the register does not ask about: the host must find out another way. */
  readonly notAsked: readonly string[];
  /** Set when too few people who took part shared equality answers to show anything without pointing at someone. */
  readonly tooFewToShow?: string | undefined;
}

const TITLES = new Map(
  [...PROTECTED_CHARACTERISTICS, ...INCLUSION_GROUPS].map((choice) => [choice.value, choice.title]),
);
const NOT_ANSWERED = 'not answered';

function countText(count: Count): string {
  return isShown(count) || count.suppressed === 'small'
    ? count.text
    : 'not shown, so a small number cannot be worked out';
}

/**
 * The reach of a plan. `tookPart` is one entry per person who took part in any session (an empty list
 * when no one has yet). When 1 to threshold − 1 of them shared equality answers, nothing is broken
 * down: listing the empty groups would tell the host the answers of the few who did.
 */
export function planReach(
  groupsToReach: readonly string[],
  tookPart: readonly ReachFacts[],
  threshold: number,
): PlanReach {
  const chosen = groupsToReach.filter((group) => TITLES.has(group));
  const notAsked = chosen.filter((group) => !MEASURES[group]).map((group) => TITLES.get(group)!);
  const measured = chosen.filter((group) => MEASURES[group]);
  const answered = tookPart.filter((person) => person.equality !== undefined);
  if (measured.length > 0 && !isShown(suppressCount(answered.length, threshold))) {
    return {
      groups: [],
      notAsked,
      tooFewToShow: `Fewer than ${threshold} of the people who took part shared equality answers, too few to show which groups you have reached without pointing at someone.`,
    };
  }
  const groups = measured.map((group): ReachGroup => {
    const measure = MEASURES[group]!;
    const question = EQUALITY_QUESTIONS.find((candidate) => candidate.key === measure.question)!;
    const tally: Record<string, number> = Object.fromEntries(
      [...question.answers, NOT_ANSWERED].map((answer) => [answer, 0]),
    );
    for (const person of answered) {
      const answer = person.equality?.[question.key]?.trim() ?? '';
      const bucket = question.answers.includes(answer) ? answer : NOT_ANSWERED;
      tally[bucket] = (tally[bucket] ?? 0) + 1;
    }
    const { cells } = suppressGroup(tally, threshold);
    const targets = measure.answers ?? question.answers;
    const gaps: string[] = [];
    const reached: string[] = [];
    for (const answer of targets) {
      const count = cells[answer]!;
      if (isShown(count) && count.value === 0) gaps.push(`No one ${who(question, answer)} has taken part yet.`);
      else reached.push(`People ${who(question, answer)}: ${countText(count)}`);
    }
    return { group, title: TITLES.get(group)!, gaps, reached };
  });
  return { groups, notAsked };
}
