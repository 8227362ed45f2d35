import type { Choice } from './step-types.js';

/** Choice lists more than one step (or the register and the impact report) uses. */

export const YES_NO_NOT_SURE: readonly Choice[] = [
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
