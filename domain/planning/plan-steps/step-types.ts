/** The shapes of the planning conversation: a step card, its fields, and the steps' keys in order. */

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
