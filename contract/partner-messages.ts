/** A message to a partner as IEV sees it on the partner's page (domain/partner-messages). */
export interface PartnerMessageRow {
  readonly id: string;
  readonly kind:
    'welcome' | 'expenses-paid' | 'you-said-we-did' | 'evaluation-invitation' | 'invitation' | 'consent-renewal';
  readonly label: string;
  readonly status: 'queued' | 'sent' | 'delivered' | 'not-sent' | 'failed' | 'cancelled';
  readonly channel: 'email' | 'sms' | 'letter' | undefined;
  readonly createdAt: string;
  readonly sentAt: string | undefined;
  readonly completedAt: string | undefined;
  /** Why it did not go or was not delivered, and what to do: only when something needs IEV. */
  readonly problem?: { readonly why: string; readonly todo: string };
}
