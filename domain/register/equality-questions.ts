/**
 * The equality monitoring questions the register asks, with the partner's consent (UK GDPR article 9:
 * special category data). One list: the registration form, the IEV team's correction form and the
 * public /join page get it from the register's options (GET /api/register/options), and
 * "Is it working?" counts the answers (domain/impact). Every question can be left blank and offers
 * "Prefer not to say". Wording and categories follow the ONS 2021 Census harmonised standards and
 * the NHS Sexual Orientation Monitoring information standard (SCCI2170); docs/impact.md names the
 * source of each. Keys and existing answers are stored on partners: add, never rename.
 */
export interface EqualityQuestion {
  readonly key: string;
  /** The question as the form asks it. */
  readonly label: string;
  /** Short, for tables and the board report. */
  readonly short: string;
  readonly answers: readonly string[];
  /** The groups on the plan's "Who should be involved?" step this question tells about (domain/planning/plan-steps.ts). */
  readonly planGroups: readonly string[];
  /** The protected characteristic (Equality Act 2010) or inclusion group it monitors. */
  readonly monitors: 'protected characteristic' | 'inclusion group';
}

export const PREFER_NOT_TO_SAY = 'Prefer not to say';

export const EQUALITY_QUESTIONS: readonly EqualityQuestion[] = [
  {
    key: 'ageBand',
    label: 'Age group',
    short: 'Age group',
    answers: ['18-24', '25-34', '35-49', '50-64', '65+'],
    planGroups: ['age', 'young-people'],
    monitors: 'protected characteristic',
  },
  {
    key: 'disability',
    label:
      'Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?',
    short: 'Disability or long-term condition',
    answers: ['Yes', 'No'],
    planGroups: ['disability', 'learning-disability', 'mental-health'],
    monitors: 'protected characteristic',
  },
  {
    key: 'genderReassignment',
    label: 'Is the gender you identify with the same as your sex registered at birth?',
    short: 'Gender identity same as sex at birth',
    answers: ['Yes', 'No'],
    planGroups: ['gender-reassignment'],
    monitors: 'protected characteristic',
  },
  {
    key: 'maritalStatus',
    label: 'What is your legal marital or registered civil partnership status?',
    short: 'Marriage and civil partnership',
    answers: [
      'Never married and never registered a civil partnership',
      'Married',
      'In a registered civil partnership',
      'Separated, but still legally married or in a civil partnership',
      'Divorced or civil partnership dissolved',
      'Widowed or surviving civil partner',
    ],
    planGroups: ['marriage-civil-partnership'],
    monitors: 'protected characteristic',
  },
  {
    key: 'pregnancyMaternity',
    label: 'Are you pregnant, or have you given birth in the last 26 weeks?',
    short: 'Pregnancy and maternity',
    answers: ['Yes', 'No'],
    planGroups: ['pregnancy-maternity'],
    monitors: 'protected characteristic',
  },
  {
    key: 'ethnicGroup',
    label: 'Ethnic group',
    short: 'Ethnic group',
    answers: [
      'Asian or Asian British',
      'Black, Black British, Caribbean or African',
      'Mixed or multiple ethnic groups',
      'White',
      'Another ethnic group',
    ],
    planGroups: ['race', 'travellers'],
    monitors: 'protected characteristic',
  },
  {
    key: 'religion',
    label: 'What is your religion?',
    short: 'Religion or belief',
    answers: ['No religion', 'Christian', 'Buddhist', 'Hindu', 'Jewish', 'Muslim', 'Sikh', 'Any other religion'],
    planGroups: ['religion-belief'],
    monitors: 'protected characteristic',
  },
  {
    key: 'sex',
    label: 'What is your sex?',
    short: 'Sex',
    answers: ['Female', 'Male'],
    planGroups: ['sex'],
    monitors: 'protected characteristic',
  },
  {
    key: 'gender',
    label: 'How do you describe your gender?',
    short: 'Gender',
    answers: ['Woman', 'Man', 'Non-binary', 'In another way'],
    planGroups: ['sex', 'gender-reassignment'],
    monitors: 'protected characteristic',
  },
  {
    key: 'sexualOrientation',
    label: 'Which of the following best describes your sexual orientation?',
    short: 'Sexual orientation',
    answers: ['Heterosexual or straight', 'Gay or lesbian', 'Bisexual', 'Another sexual orientation', 'Not sure'],
    planGroups: ['sexual-orientation'],
    monitors: 'protected characteristic',
  },
  {
    key: 'carer',
    label:
      'Do you look after, or give any help or support to, anyone because they have long-term physical or mental health conditions or illnesses, or problems related to old age?',
    short: 'Unpaid carer',
    answers: ['Yes', 'No'],
    planGroups: ['carers'],
    monitors: 'inclusion group',
  },
  {
    key: 'mainLanguage',
    label: 'Is English your main language?',
    short: 'English as main language',
    answers: ['Yes', 'No'],
    planGroups: ['language', 'refugees'],
    monitors: 'inclusion group',
  },
  {
    key: 'armedForces',
    label: 'Have you previously served in the UK armed forces?',
    short: 'Armed forces veteran',
    answers: ['Yes', 'No'],
    planGroups: ['veterans'],
    monitors: 'inclusion group',
  },
];
