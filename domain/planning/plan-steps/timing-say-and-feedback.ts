import { INVOLVEMENT_LEVELS, YES_NO_NOT_SURE } from './choices.js';
import type { PlanStep } from './step-types.js';

/** Meeting people on their terms: when and where, what they can influence, how much say, and feeding back. */
export const TIMING_SAY_AND_FEEDBACK_STEPS: readonly PlanStep[] = [
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
];
