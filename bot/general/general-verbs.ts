import { z } from 'zod';
import { cardVerb } from '../cards/card-verb.js';

/** Buttons that belong to no one feature. */
export const GENERAL_VERBS = {
  help: cardVerb('help', z.object({})),
} as const;
