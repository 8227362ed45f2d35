import { YES_NO_NOT_SURE } from './choices.js';
import type { PlanStep } from './step-types.js';

/** What the work needs around it: the commissioning route, an equality impact assessment, a budget and partners. */
export const COMMISSIONING_BUDGET_AND_PARTNERS_STEPS: readonly PlanStep[] = [
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
