/**
 * The planning conversation as data: one entry per step card. The order and questions follow the
 * 11-step engagement planning guide (seed 002, Haringey & Islington CCGs) and the "before" checklist
 * of "Working with Involvement Partners" (seed 004, Nottinghamshire Healthcare). Guidance is short
 * and in plain English: a busy colleague reads it on a phone.
 */

import { OTHER_SERVICE_AREA, SERVICE_AREAS } from '../register/service-areas.js';

export interface Choice {
  readonly value: string;
  readonly title: string;
}

interface FieldBase {
  readonly id: string;
  readonly label: string;
  /** A shorter name for the plan summary. */
  readonly summaryLabel: string;
  readonly required?: boolean;
}

export interface TextField extends FieldBase {
  readonly kind: 'text';
  readonly maxLength: number;
  readonly multiline?: boolean;
  readonly placeholder?: string;
}

export interface ChoiceField extends FieldBase {
  readonly kind: 'choice';
  readonly choices: readonly Choice[];
  readonly multiple?: boolean;
  /** A drop-down rather than a list of radio buttons (long lists). */
  readonly compact?: boolean;
}

export interface NumberField extends FieldBase {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly placeholder?: string;
}

/** A day (YYYY-MM-DD), such as the first session's date: reminders are timed from it. */
export interface DateField extends FieldBase {
  readonly kind: 'date';
}

export type StepField = TextField | ChoiceField | NumberField | DateField;

export interface PlanStep {
  readonly key: StepKey;
  readonly title: string;
  /** Why this step matters, from the seeds. */
  readonly guidance: readonly string[];
  readonly fields: readonly StepField[];
}

export const STEP_KEYS = [
  'purpose',
  'known',
  'people',
  'methods',
  'partners',
  'timing',
  'influence',
  'level',
  'selfManagement',
  'feedback',
  'commissioning',
  'eia',
  'budget',
  'involvementPartners',
] as const;

export type StepKey = (typeof STEP_KEYS)[number];

const YES_NO_NOT_SURE: readonly Choice[] = [
  { value: 'yes', title: 'Yes' },
  { value: 'no', title: 'No' },
  { value: 'not-sure', title: 'Not sure yet' },
];

/** The 9 characteristics protected by the Equality Act 2010, named as the seeds do. */
export const PROTECTED_CHARACTERISTICS: readonly Choice[] = [
  { value: 'age', title: 'Age' },
  { value: 'disability', title: 'Disability' },
  { value: 'gender-reassignment', title: 'Gender reassignment' },
  { value: 'marriage-civil-partnership', title: 'Marriage and civil partnership' },
  { value: 'pregnancy-maternity', title: 'Pregnancy and maternity' },
  { value: 'race', title: 'Race and ethnicity' },
  { value: 'religion-belief', title: 'Religion or belief' },
  { value: 'sex', title: 'Sex' },
  { value: 'sexual-orientation', title: 'Sexual orientation' },
];

/** Social inclusion groups the seeds name as seldom heard (refugees and migrants, carers, people facing health inequalities…). */
export const INCLUSION_GROUPS: readonly Choice[] = [
  { value: 'carers', title: 'Carers' },
  { value: 'learning-disability', title: 'People with a learning disability' },
  { value: 'mental-health', title: 'People with mental health needs' },
  { value: 'language', title: 'People who speak little English' },
  { value: 'refugees', title: 'Refugees, asylum seekers and migrants' },
  { value: 'homeless', title: 'People experiencing homelessness' },
  { value: 'low-income', title: 'People on low incomes' },
  { value: 'travellers', title: 'Gypsy, Roma and Traveller communities' },
  { value: 'young-people', title: 'Children and young people' },
  { value: 'justice', title: 'People in contact with the justice system' },
  { value: 'veterans', title: 'Armed forces veterans' },
];

export const INVOLVEMENT_LEVELS: readonly Choice[] = [
  { value: 'inform', title: 'Inform: tell people what is happening and why' },
  { value: 'consult', title: 'Consult: ask for views on options we have drawn up' },
  { value: 'involve', title: 'Involve: work with people throughout, so their views shape each stage' },
  { value: 'collaborate', title: 'Collaborate: plan and decide together as equal partners' },
  { value: 'devolve', title: 'Devolve: people make the decisions themselves' },
];

export const PLAN_STEPS: readonly PlanStep[] = [
  {
    key: 'purpose',
    title: 'Purpose and objectives',
    guidance: [
      'Be clear about why you are involving people. Agree the purpose, resources, outcomes and timescales from the start, ideally with the people you involve.',
    ],
    fields: [
      {
        id: 'title',
        kind: 'text',
        label: 'What is this piece of work called?',
        summaryLabel: 'Name',
        maxLength: 120,
        required: true,
        placeholder: 'For example: Redesigning the memory clinic waiting area',
      },
      {
        // The same list the register tab filters by, so the channel tab's "one service area" view finds the plan.
        id: 'serviceArea',
        kind: 'choice',
        label: 'Which service area is it for?',
        summaryLabel: 'Service area',
        compact: true,
        choices: [
          ...SERVICE_AREAS.map((area) => ({ value: area, title: area })),
          { value: OTHER_SERVICE_AREA, title: 'Another service or team (type it below)' },
        ],
      },
      {
        id: 'serviceAreaOther',
        kind: 'text',
        label: 'If another service or team, which one?',
        summaryLabel: 'Service or team',
        maxLength: 80,
        placeholder: 'For example: Older people\u2019s mental health',
      },
      {
        id: 'purpose',
        kind: 'text',
        label: 'What are you trying to do, and why involve people?',
        summaryLabel: 'Purpose',
        maxLength: 2000,
        multiline: true,
        required: true,
      },
      {
        id: 'objectives',
        kind: 'text',
        label: 'What do you want to have achieved at the end?',
        summaryLabel: 'Objectives',
        maxLength: 2000,
        multiline: true,
      },
      {
        id: 'resources',
        kind: 'text',
        label: 'What time, people and money do you have?',
        summaryLabel: 'Resources',
        maxLength: 1000,
        multiline: true,
      },
    ],
  },
  {
    key: 'known',
    title: 'What do we already know?',
    guidance: [
      'Find out what engagement has already happened in this area and how you could use it, so people are not asked the same questions again.',
      'Complaints, compliments, surveys and earlier projects are all worth a look. The IEV team can help you find them.',
    ],
    fields: [
      {
        id: 'earlierEngagement',
        kind: 'text',
        label: 'What do you already know, and what engagement has happened before?',
        summaryLabel: 'Already known',
        maxLength: 2000,
        multiline: true,
      },
    ],
  },
  {
    key: 'people',
    title: 'Who should be involved?',
    guidance: [
      'Involve everyone, and actively look for the people you are not hearing from. Think across the 9 protected characteristics and social inclusion groups.',
      'Tick the groups you will make a real effort to reach.',
    ],
    fields: [
      {
        id: 'groups',
        kind: 'choice',
        multiple: true,
        label: 'Which groups will you make an effort to reach?',
        summaryLabel: 'Groups to reach',
        choices: [...PROTECTED_CHARACTERISTICS, ...INCLUSION_GROUPS],
      },
      {
        id: 'otherGroups',
        kind: 'text',
        label: 'Anyone else? Who will benefit, and who are you not hearing from?',
        summaryLabel: 'Others to reach',
        maxLength: 1000,
        multiline: true,
      },
    ],
  },
  {
    key: 'methods',
    title: 'How can you be creative?',
    guidance: [
      'Use a range of ways to take part, chosen for the people you want to hear from, and ask those who know them best what works.',
    ],
    fields: [
      {
        id: 'methods',
        kind: 'choice',
        multiple: true,
        label: 'Which ways of taking part will you offer?',
        summaryLabel: 'Methods',
        choices: [
          { value: 'go-to-groups', title: 'Visit community groups at their own meetings' },
          { value: 'drop-in', title: 'A drop-in or stall where people already are' },
          { value: 'conversations', title: 'One-to-one conversations, in person or by phone' },
          { value: 'focus-group', title: 'Focus group' },
          { value: 'co-design', title: 'Workshop or co-design sessions' },
          { value: 'online', title: 'Online meeting' },
          { value: 'survey', title: 'Survey, on paper and online' },
          { value: 'accessible-info', title: 'Easy read, large print or translated information' },
          { value: 'panel', title: 'Interview or recruitment panel' },
        ],
      },
      {
        id: 'methodNotes',
        kind: 'text',
        label: 'Anything else about how people will take part?',
        summaryLabel: 'More on methods',
        maxLength: 1000,
        multiline: true,
      },
    ],
  },
  {
    key: 'partners',
    title: 'Who else do we need to involve?',
    guidance: [
      'Who knows these communities best? Voluntary and community groups, Healthwatch, carers\u2019 hubs and faith groups can open doors and tell you what works.',
    ],
    fields: [
      {
        id: 'partnerOrganisations',
        kind: 'text',
        label: 'Which organisations or groups will you work with?',
        summaryLabel: 'Partner organisations',
        maxLength: 1000,
        multiline: true,
      },
      {
        id: 'communityContacts',
        kind: 'text',
        label: 'Who knows these communities best, and how will you reach them?',
        summaryLabel: 'Who knows these communities',
        maxLength: 1000,
        multiline: true,
      },
    ],
  },
  {
    key: 'timing',
    title: 'When and where?',
    guidance: [
      'Go to where people are and meet them on their terms and timescales. Don\u2019t expect people to always come to our meetings.',
      'Think about accessible venues, travel, times outside working hours and caring responsibilities.',
    ],
    fields: [
      {
        id: 'whenWhere',
        kind: 'text',
        label: 'When and where will people be involved?',
        summaryLabel: 'When and where',
        maxLength: 1000,
        multiline: true,
      },
      {
        id: 'firstSession',
        kind: 'date',
        label: 'Date of the first session or meeting, if you know it',
        summaryLabel: 'First session',
      },
      {
        id: 'onTheirTerms',
        kind: 'choice',
        label: 'Will you meet people on their terms?',
        summaryLabel: 'On people\u2019s terms',
        choices: [
          { value: 'yes', title: 'Yes, we will go to people at times that suit them' },
          { value: 'partly', title: 'Partly' },
          { value: 'no', title: 'No, people will come to our meetings' },
        ],
      },
    ],
  },
  {
    key: 'influence',
    title: 'What can people influence?',
    guidance: [
      'Be honest about what people can change and what they can\u2019t. Trust is lost when people find out later that a decision was already made.',
    ],
    fields: [
      {
        id: 'canInfluence',
        kind: 'text',
        label: 'What can people change or decide?',
        summaryLabel: 'Can influence',
        maxLength: 1000,
        multiline: true,
      },
      {
        id: 'cannotInfluence',
        kind: 'text',
        label: 'What is already fixed and cannot change?',
        summaryLabel: 'Cannot influence',
        maxLength: 1000,
        multiline: true,
      },
    ],
  },
  {
    key: 'level',
    title: 'How much say will people have?',
    guidance: [
      'Choose the level of involvement that matches what people can really influence. Aim for the most say you can honestly offer.',
    ],
    fields: [
      {
        id: 'level',
        kind: 'choice',
        label: 'Level of involvement',
        summaryLabel: 'Level of involvement',
        choices: INVOLVEMENT_LEVELS,
      },
    ],
  },
  {
    key: 'selfManagement',
    title: 'Self-management',
    guidance: [
      'Could this work help people look after their own health, or let a group run itself? For example peer support, or a group that sets its own agenda.',
    ],
    fields: [
      {
        id: 'selfManagement',
        kind: 'choice',
        label: 'Should this work include a self-management approach?',
        summaryLabel: 'Self-management',
        choices: YES_NO_NOT_SURE,
      },
      {
        id: 'selfManagementNotes',
        kind: 'text',
        label: 'How?',
        summaryLabel: 'Self-management notes',
        maxLength: 1000,
        multiline: true,
      },
    ],
  },
  {
    key: 'feedback',
    title: 'Using feedback and reporting back',
    guidance: [
      'Always tell everyone involved what changed because of them (\u201cyou said, we did\u201d), including when something could not change and why.',
      'Decide now how and when you will do it.',
    ],
    fields: [
      {
        id: 'feedbackUse',
        kind: 'text',
        label: 'How will you use what people tell you?',
        summaryLabel: 'Using feedback',
        maxLength: 1000,
        multiline: true,
      },
      {
        id: 'feedbackRoute',
        kind: 'text',
        label: 'How and when will you tell people what changed?',
        summaryLabel: 'Reporting back',
        maxLength: 1000,
        multiline: true,
      },
      {
        id: 'reportTo',
        kind: 'text',
        label: 'Who else needs to hear it, for example a board or committee?',
        summaryLabel: 'Also report to',
        maxLength: 300,
      },
    ],
  },
  {
    key: 'commissioning',
    title: 'Commissioning route',
    guidance: [
      'If this work leads to a service being bought or changed, patients can be part of that too, for example on the evaluation panel.',
    ],
    fields: [
      {
        id: 'commissioningRoute',
        kind: 'choice',
        label: 'What is the commissioning route?',
        summaryLabel: 'Commissioning route',
        choices: [
          { value: 'not-applicable', title: 'Not applicable' },
          { value: 'service-change', title: 'A change to an existing service' },
          { value: 'new-service', title: 'A new service' },
          { value: 'recommission', title: 'Recommissioning an existing service' },
          { value: 'not-sure', title: 'Not sure yet' },
        ],
      },
      {
        id: 'patientsInCommissioning',
        kind: 'choice',
        label: 'Will patients be part of the commissioning?',
        summaryLabel: 'Patients in commissioning',
        choices: YES_NO_NOT_SURE,
      },
    ],
  },
  {
    key: 'eia',
    title: 'Equality Impact Assessment',
    guidance: [
      'An Equality Impact Assessment (EIA) checks whether a change could affect some groups unfairly. It is usually needed when a service or policy changes. Your equality lead can help.',
    ],
    fields: [
      {
        id: 'eiaNeeded',
        kind: 'choice',
        label: 'Will you need an Equality Impact Assessment?',
        summaryLabel: 'EIA needed',
        choices: YES_NO_NOT_SURE,
      },
      {
        id: 'eiaStatus',
        kind: 'choice',
        label: 'Where is it up to?',
        summaryLabel: 'EIA progress',
        choices: [
          { value: 'not-started', title: 'Not started' },
          { value: 'in-progress', title: 'In progress' },
          { value: 'done', title: 'Done' },
        ],
      },
    ],
  },
  {
    key: 'budget',
    title: 'Budget, expenses and payments',
    guidance: [
      'Always have a budget. Offer to pay people\u2019s expenses (travel, parking, carer costs) and pay them promptly, so everyone can afford to take part.',
      'You confirm each Involvement Partner\u2019s claim is genuine, and the IEV team approves it.',
    ],
    fields: [
      {
        id: 'budget',
        kind: 'number',
        label: 'Budget for involvement, in pounds',
        summaryLabel: 'Budget (\u00a3)',
        min: 0,
        max: 1_000_000,
        placeholder: 'For example 500',
      },
      {
        id: 'expensesOffered',
        kind: 'choice',
        label: 'Will you offer to pay people\u2019s expenses?',
        summaryLabel: 'Expenses offered',
        choices: YES_NO_NOT_SURE,
      },
      {
        id: 'involvementPayments',
        kind: 'choice',
        label: 'Will you offer involvement payments for people\u2019s time?',
        summaryLabel: 'Involvement payments',
        choices: YES_NO_NOT_SURE,
      },
    ],
  },
  {
    key: 'involvementPartners',
    title: 'Involvement Partners',
    guidance: [
      'Involvement Partners must be on the Trust\u2019s Involvement Register. Contact them before the first meeting, explain what is expected, and ask about their communication and access needs.',
    ],
    fields: [
      {
        id: 'partnerCount',
        kind: 'number',
        label: 'How many Involvement Partners would you like?',
        summaryLabel: 'Partners wanted',
        min: 0,
        max: 500,
      },
      {
        id: 'livedExperience',
        kind: 'text',
        label: 'What lived experience are you looking for?',
        summaryLabel: 'Lived experience wanted',
        maxLength: 1000,
        multiline: true,
      },
    ],
  },
];

export const STEP_COUNT = PLAN_STEPS.length;

export function stepFor(key: StepKey): PlanStep {
  return PLAN_STEPS.find((step) => step.key === key)!;
}

export function stepNumber(key: StepKey): number {
  return STEP_KEYS.indexOf(key) + 1;
}

export function nextStepKey(key: StepKey): StepKey | undefined {
  return STEP_KEYS[STEP_KEYS.indexOf(key) + 1];
}

export function previousStepKey(key: StepKey): StepKey | undefined {
  const index = STEP_KEYS.indexOf(key);
  return index > 0 ? STEP_KEYS[index - 1] : undefined;
}

export function choiceTitle(field: ChoiceField, value: string): string {
  return field.choices.find((choice) => choice.value === value)?.title ?? value;
}
