import { z } from 'zod';

/** An application to join the register, as IEV reviews it in the tab (the public /join page makes them). */
export interface ApplicationRow {
  readonly id: string;
  readonly submittedAt: string;
  readonly displayName: string;
  readonly email: string | undefined;
  readonly phone: string | undefined;
  readonly preferredMethod: string | undefined;
  readonly areas: readonly string[];
  readonly interests: readonly string[];
  readonly contactConsent: boolean;
}

export const declineSchema = z.object({
  reason: z
    .string('Say why the application is declined.')
    .trim()
    .min(3, 'Say why the application is declined.')
    .max(500, 'Keep the reason under 500 characters.'),
});
export type DeclineRequest = z.input<typeof declineSchema>;
