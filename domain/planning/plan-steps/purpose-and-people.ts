import { OTHER_SERVICE_AREA, SERVICE_AREAS } from '../../register/service-areas.js';
import { INCLUSION_GROUPS, PROTECTED_CHARACTERISTICS } from './choices.js';
import type { PlanStep } from './step-types.js';

/** Why the work is done and whom it involves: purpose, what is already known, who, how, and with whom. */
export const PURPOSE_AND_PEOPLE_STEPS: readonly PlanStep[] = [
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
];
