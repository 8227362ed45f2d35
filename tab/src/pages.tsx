import { lazy, type ReactNode } from 'react';
import type { RegisterOptions } from './api.js';
import { matchRoute, type PathName, type PathParams, type Route } from './router.js';
import { claimFiltersFrom, ClaimsView } from './views/claims-view.js';
import { ConfigPage } from './views/config-page.js';
import { PartnerEdit } from './views/partner-edit.js';
import { PartnerPage } from './views/partner/partner-page.js';
import { RegisterForm } from './views/register-form.js';
import { filtersFrom, RegisterView } from './views/register-view.js';
import { WorkView } from './views/work-view.js';

// The IEV team's own views and the figures are loaded when first opened: hosts, who open the register
// far more often, never download them, and the first load stays within its budget.
const ClaimView = lazy(() => import('./views/claim-view.js').then((module) => ({ default: module.ClaimView })));
const ImpactView = lazy(() =>
  import('./views/impact/impact-view.js').then((module) => ({ default: module.ImpactView })),
);
const PaymentsView = lazy(() =>
  import('./views/payments-view.js').then((module) => ({ default: module.PaymentsView })),
);
const PaymentBatchView = lazy(() =>
  import('./views/payments-view.js').then((module) => ({ default: module.PaymentBatchView })),
);
const ApplicationsView = lazy(() =>
  import('./views/applications-view.js').then((module) => ({ default: module.ApplicationsView })),
);
const OrganisationsView = lazy(() =>
  import('./views/organisations/organisations-view.js').then((module) => ({ default: module.OrganisationsView })),
);
const TeamView = lazy(() => import('./views/team-view.js').then((module) => ({ default: module.TeamView })));
const SupportView = lazy(() => import('./views/support-view.js').then((module) => ({ default: module.SupportView })));
const SupportPlanView = lazy(() =>
  import('./views/support-view.js').then((module) => ({ default: module.SupportPlanView })),
);

// Opportunities are for hosts and IEV, opened now and then: loaded when first opened.
const OpportunitiesView = lazy(() =>
  import('./views/opportunities/opportunities-view.js').then((module) => ({ default: module.OpportunitiesView })),
);
const OpportunityForm = lazy(() =>
  import('./views/opportunities/opportunity-form.js').then((module) => ({ default: module.OpportunityForm })),
);
const OpportunityView = lazy(() =>
  import('./views/opportunities/opportunity-view.js').then((module) => ({ default: module.OpportunityView })),
);

/** What every view may need besides its address. */
interface PageContext {
  readonly options: RegisterOptions;
  readonly inTeams: boolean;
  readonly myId: string;
  /** A channel tab pinned for a service area keeps to that area wherever its own links lead. */
  readonly pinnedArea: string | undefined;
}

type ShowPage<Name extends PathName> = (
  params: PathParams<Name>,
  query: URLSearchParams,
  context: PageContext,
) => ReactNode;

/** Which view each path of the tab shows (the paths, in the order they are matched, are in router.ts). */
const PAGES: { readonly [Name in PathName]: ShowPage<Name> } = {
  config: (_, __, { options, inTeams }) => <ConfigPage options={options} inTeams={inTeams} />,
  work: (_, query) => <WorkView area={query.get('area') ?? undefined} planId={query.get('plan') ?? undefined} />,
  newPartner: (_, __, { options }) => <RegisterForm options={options} />,
  editPartner: ({ id }, __, { options }) => <PartnerEdit id={id} options={options} />,
  partner: ({ id }, __, { options }) => <PartnerPage id={id} options={options} />,
  claim: ({ id }) => <ClaimView id={id} />,
  newOpportunity: (_, query) => <OpportunityForm planId={query.get('plan') ?? undefined} />,
  opportunity: ({ id }) => <OpportunityView id={id} />,
  // Hosts and IEV; the server answers anyone else with an empty list.
  opportunities: (_, __, { options }) => <OpportunitiesView iev={options.audience === 'iev'} />,
  // Shown to IEV only in the navigation; anyone else who types the address gets the server's refusal in plain words.
  claims: (_, query) => <ClaimsView filters={claimFiltersFrom(query)} />,
  // IEV only, like Claims: the server refuses anyone else in plain words.
  paymentBatch: ({ id }) => <PaymentBatchView id={id} />,
  payments: () => <PaymentsView />,
  team: (_, __, { myId }) => <TeamView myId={myId} />,
  // Hosts read it, IEV keeps it; anyone else who types the address gets the server's refusal in plain words.
  organisations: () => <OrganisationsView />,
  // IEV only, like Claims: the server refuses anyone else in plain words.
  applications: () => <ApplicationsView />,
  // IEV only, like Claims: the server refuses anyone else in plain words.
  supportPlan: ({ hostId, requestId }) => <SupportPlanView hostId={hostId} requestId={requestId} />,
  support: (_, query) => <SupportView show={query.get('show') === 'done' ? 'done' : 'open'} />,
  impact: (_, query, { options, pinnedArea }) => (
    <ImpactView
      from={query.get('from') ?? undefined}
      to={query.get('to') ?? undefined}
      area={query.get('area') ?? pinnedArea}
      areas={options.serviceAreas}
    />
  ),
  partners: (_, query, { options }) => <RegisterView filters={filtersFrom(query)} options={options} />,
};

/** The view for the address; the register for an address that names no page. */
export function PageFor({ route, context }: { route: Route; context: PageContext }) {
  const match = matchRoute(route) ?? { name: 'partners', params: {} };
  // The table gives each path the params its pattern names, which matchRoute has just read from the address.
  const show = PAGES[match.name] as ShowPage<PathName>;
  return show(match.params as never, route.query, context);
}
