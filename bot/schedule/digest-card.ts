import { formatDate } from '../../domain/claims/claim-words.js';
import type { DigestFigures } from '../../domain/schedule/ports.js';
import {
  actionSet,
  card,
  container,
  heading,
  openUrl,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive-card.js';

/** Where each line of the digest opens in the register tab; a line with no view yet has no button. */
export interface DigestViews {
  readonly claimsWaiting: string;
  readonly claimsPastPayBy: string;
  readonly welcomes: string;
  readonly retentionReviews: string;
  readonly supportRequests?: string | undefined;
  readonly applications?: string | undefined;
  readonly consentRenewals?: string | undefined;
}

interface Line {
  readonly count: number | undefined;
  readonly text: (count: number) => string;
  readonly button: string;
  readonly url: string | undefined;
}

const plural = (count: number, one: string, many: string) =>
  count === 0 ? `No ${many}` : `**${count}** ${count === 1 ? one : many}`;

/** The IEV team's weekly digest: counts only, each line with a button to the view that lists the names. */
export function digestCard(figures: DigestFigures, views: DigestViews, targetDaysToPay: number): AdaptiveCard {
  const oldest = figures.oldestWaitingSince ? `; the oldest since ${formatDate(figures.oldestWaitingSince)}` : '';
  const lines: Line[] = [
    {
      count: figures.claimsWaiting,
      text: (n) => `${plural(n, 'claim', 'claims')} waiting for a decision${oldest}`,
      button: 'Open claims waiting',
      url: views.claimsWaiting,
    },
    {
      count: figures.claimsPastPayBy,
      text: (n) => `${plural(n, 'claim', 'claims')} past the pay-by target of ${targetDaysToPay} days`,
      button: 'Open late claims',
      url: views.claimsPastPayBy,
    },
    {
      count: figures.supportRequestsUnassigned,
      text: (n) => `${plural(n, 'New Works support request', 'New Works support requests')} waiting for an owner`,
      button: 'Open support requests',
      url: views.supportRequests,
    },
    {
      count: figures.applicationsWaiting,
      text: (n) => `${plural(n, 'application', 'applications')} to join the register waiting`,
      button: 'Open applications',
      url: views.applications,
    },
    {
      count: figures.welcomesWaiting,
      text: (n) => `${plural(n, 'new partner', 'new partners')} waiting for their welcome`,
      button: 'Open welcome tasks',
      url: views.welcomes,
    },
    {
      count: figures.consentsDueForRenewal,
      text: (n) => `${plural(n, 'partner', 'partners')} with consent due for renewal`,
      button: 'Open consent renewals',
      url: views.consentRenewals,
    },
    {
      count: figures.retentionReviewsDue,
      text: (n) => `${plural(n, 'partner', 'partners')} due for retention review`,
      button: 'Open retention review',
      url: views.retentionReviews,
    },
  ];
  const body: CardElement[] = [
    heading(`This week for the IEV team: week beginning ${formatDate(figures.weekBeginning)}`, 'Medium'),
    paragraph('What is waiting, as counts only: names are in the tab.', { subtle: true }),
    ...lines
      .filter((line): line is Line & { count: number } => line.count !== undefined)
      .map((line) =>
        container([
          paragraph(line.text(line.count)),
          ...(line.count > 0 && line.url ? [actionSet([openUrl(line.button, line.url)])] : []),
        ]),
      ),
  ];
  return card(body, [], { fallbackText: `This week for the IEV team: ${figures.claimsWaiting} claims waiting` });
}
