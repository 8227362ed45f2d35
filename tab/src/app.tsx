import {
  FluentProvider,
  Link,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, API, ApiError, setCredentials, type Me, type RegisterOptions, type Session } from './api.js';
import { DeveloperIdentity } from './components/developer-identity.js';
import { ErrorMessage, Loading } from './components/states.js';
import { href, useRoute, type Route } from './router.js';
import { onTeamsThemeChange, teamsToken, themeName, type ThemeName } from './teams.js';
import { claimFiltersFrom, ClaimsView, CLAIMS_CHANGED } from './views/claims-view.js';
import { channelViewFor, ConfigPage } from './views/config-page.js';
import { PartnerEdit } from './views/partner-edit.js';
import { PartnerPage } from './views/partner-page.js';
import { RegisterForm } from './views/register-form.js';
import { filtersFrom, RegisterView } from './views/register-view.js';
import { WorkView } from './views/work-view.js';

// The IEV team's own views and the figures are loaded when first opened: hosts, who open the register
// far more often, never download them, and the first load stays within its budget.
const ClaimView = lazy(() => import('./views/claim-view.js').then((module) => ({ default: module.ClaimView })));
const ImpactView = lazy(() => import('./views/impact-view.js').then((module) => ({ default: module.ImpactView })));
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
  import('./views/organisations-view.js').then((module) => ({ default: module.OrganisationsView })),
);
const TeamView = lazy(() => import('./views/team-view.js').then((module) => ({ default: module.TeamView })));
const SupportView = lazy(() => import('./views/support-view.js').then((module) => ({ default: module.SupportView })));
const SupportPlanView = lazy(() =>
  import('./views/support-view.js').then((module) => ({ default: module.SupportPlanView })),
);

// Opportunities are for hosts and IEV, opened now and then: loaded when first opened.
const OpportunitiesView = lazy(() =>
  import('./views/opportunities-view.js').then((module) => ({ default: module.OpportunitiesView })),
);
const OpportunityForm = lazy(() =>
  import('./views/opportunities-view.js').then((module) => ({ default: module.OpportunityForm })),
);
const OpportunityView = lazy(() =>
  import('./views/opportunities-view.js').then((module) => ({ default: module.OpportunityView })),
);

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;
const IDENTITY_KEY = 'involvement-hub.developer-identity';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  page: { maxWidth: '1100px', margin: '0 auto', padding: '12px 16px 32px', boxSizing: 'border-box' },
  header: { display: 'flex', flexWrap: 'wrap', gap: '8px 24px', alignItems: 'baseline', marginBottom: '12px' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
  nav: { display: 'flex', flexWrap: 'wrap', gap: '16px' },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  skip: {
    position: 'absolute',
    left: '-9999px',
    top: '8px',
    ':focus': { left: '8px', padding: '8px', backgroundColor: tokens.colorNeutralBackground1, zIndex: 10 },
  },
});

export interface Startup {
  readonly inTeams: boolean;
  readonly theme: ThemeName | undefined;
  /** In a channel tab, what it was pinned for (the configuration page's entity id). */
  readonly entityId?: string | undefined;
}

export function App({ startup }: { startup: Startup }) {
  const [theme, setTheme] = useState<ThemeName>(
    () => startup.theme ?? themeName(new URLSearchParams(window.location.search).get('theme') ?? undefined),
  );
  useEffect(() => {
    if (startup.inTeams) onTeamsThemeChange(setTheme);
  }, [startup.inTeams]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <FluentProvider theme={THEMES[theme]}>
      <SignedIn inTeams={startup.inTeams} entityId={startup.entityId} />
    </FluentProvider>
  );
}

/** Decides how this page proves who is using it, then shows the product. */
function SignedIn({ inTeams, entityId }: { inTeams: boolean; entityId: string | undefined }) {
  const styles = useStyles();
  const [session, setSession] = useState<Session>();
  const [error, setError] = useState<unknown>();
  const [personId, setPersonId] = useState<string>('');

  useEffect(() => {
    api(API.session).then((found) => {
      if (found.signIn === 'developer') {
        const asked = new URLSearchParams(window.location.search).get('as') ?? sessionStorage.getItem(IDENTITY_KEY);
        const person =
          found.people?.find(
            (candidate) =>
              candidate.id === asked ||
              candidate.displayName.toLowerCase().startsWith(asked?.toLowerCase() ?? '\u0000'),
          ) ?? found.people?.[0];
        setPersonId(person?.id ?? '');
      } else if (inTeams) {
        setCredentials({ kind: 'teams', token: teamsToken });
      }
      setSession(found);
    }, setError);
  }, [inTeams]);

  // Set while rendering, not in an effect: the product below starts its API calls in its own effects,
  // which run before this component's effects would.
  if (session?.signIn === 'developer' && personId) setCredentials({ kind: 'developer', personId });
  const switchPerson = (id: string) => {
    sessionStorage.setItem(IDENTITY_KEY, id);
    setPersonId(id);
  };

  const body = (() => {
    if (error) return <ErrorMessage error={error} onRetry={() => window.location.reload()} />;
    if (!session) return <Loading label="Starting the Involvement Register" />;
    if (session.signIn === 'teams-sso' && !inTeams) {
      return (
        <ErrorMessage
          error={
            new ApiError(
              401,
              'Open this in Microsoft Teams',
              'The Involvement Register signs you in through Teams. Open the Involvement Hub app in Teams to use it.',
            )
          }
        />
      );
    }
    return <Product key={personId || 'teams'} inTeams={inTeams} entityId={entityId} />;
  })();

  return (
    <div className={styles.root}>
      <a
        className={styles.skip}
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <div className={styles.page}>
        {session?.signIn === 'developer' && (
          <DeveloperIdentity session={session} personId={personId} onChange={switchPerson} />
        )}
        {body}
      </div>
    </div>
  );
}

function Product({ inTeams, entityId }: { inTeams: boolean; entityId: string | undefined }) {
  const styles = useStyles();
  const route = useRoute();
  const [me, setMe] = useState<Me>();
  const [options, setOptions] = useState<RegisterOptions>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    Promise.all([api(API.me), api(API.registerOptions)]).then(([who, offered]) => {
      setMe(who);
      setOptions(offered);
    }, setError);
  }, []);

  if (error) return <ErrorMessage error={error} onRetry={() => window.location.reload()} />;
  if (!me || !options) return <Loading label="Signing you in" />;
  const section = route.segments[0] ?? 'partners';
  const isConfig = section === 'config';
  // A channel tab pinned for a service area keeps to that area wherever its own links lead.
  const pinnedArea = options.serviceAreas.find(
    (area) => channelViewFor('area', area, undefined)?.entityId === entityId,
  );
  return (
    <>
      <header className={styles.header}>
        <h1 className={styles.title}>Involvement Register</h1>
        {!isConfig && (
          <nav aria-label="Register sections" className={styles.nav}>
            <NavLink path="partners" current={section === 'partners' && route.segments[1] !== 'new'}>
              Partners
            </NavLink>
            <NavLink path="work" params={{ area: pinnedArea }} current={section === 'work'}>
              Involvement work
            </NavLink>
            {options.audience !== 'viewer' && (
              <NavLink path="opportunities" current={section === 'opportunities'}>
                Opportunities
              </NavLink>
            )}
            {options.audience !== 'viewer' && (
              <NavLink path="impact" params={{ area: pinnedArea }} current={section === 'impact'}>
                Is it working?
              </NavLink>
            )}
            {options.audience === 'iev' && (
              <NavLink path="partners/new" current={route.segments[1] === 'new'}>
                Register a partner
              </NavLink>
            )}
            {options.audience === 'iev' && <ClaimsNavLink current={section === 'claims'} />}
            {options.audience === 'iev' && (
              <NavLink path="payments" current={section === 'payments'}>
                Payments
              </NavLink>
            )}
            {options.audience === 'iev' && (
              <NavLink path="support" current={section === 'support'}>
                Support requests
              </NavLink>
            )}
            {options.audience === 'iev' && (
              <NavLink path="applications" current={section === 'applications'}>
                Applications to join
              </NavLink>
            )}
            {options.audience !== 'viewer' && (
              <NavLink path="organisations" current={section === 'organisations'}>
                Community organisations
              </NavLink>
            )}
            {options.audience === 'iev' && (
              <NavLink path="team" current={section === 'team'}>
                IEV team
              </NavLink>
            )}
          </nav>
        )}
        <span>
          Signed in as {me.displayName} ({roleLabel(options.audience)})
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading label="Loading this page" />}>
          <View route={route} options={options} inTeams={inTeams} myId={me.id} pinnedArea={pinnedArea} />
        </Suspense>
      </main>
    </>
  );
}

function View({
  route,
  options,
  inTeams,
  myId,
  pinnedArea,
}: {
  route: Route;
  options: RegisterOptions;
  inTeams: boolean;
  myId: string;
  pinnedArea: string | undefined;
}) {
  const [section, id] = route.segments;
  const query = route.params.toString();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(query)), [query]);
  const claimFilters = useMemo(() => claimFiltersFrom(new URLSearchParams(query)), [query]);
  if (section === 'config') return <ConfigPage options={options} inTeams={inTeams} />;
  if (section === 'work')
    return <WorkView area={route.params.get('area') ?? undefined} planId={route.params.get('plan') ?? undefined} />;
  if (section === 'partners' && id === 'new') return <RegisterForm options={options} />;
  if (section === 'partners' && id && route.segments[2] === 'edit') return <PartnerEdit id={id} options={options} />;
  if (section === 'partners' && id) return <PartnerPage id={id} options={options} />;
  if (section === 'claims' && id) return <ClaimView id={id} />;
  if (section === 'opportunities' && id === 'new')
    return <OpportunityForm planId={route.params.get('plan') ?? undefined} />;
  if (section === 'opportunities' && id) return <OpportunityView id={id} />;
  // Hosts and IEV; the server answers anyone else with an empty list.
  if (section === 'opportunities') return <OpportunitiesView iev={options.audience === 'iev'} />;
  // Shown to IEV only in the navigation; anyone else who types the address gets the server's refusal in plain words.
  if (section === 'claims') return <ClaimsView filters={claimFilters} />;
  // IEV only, like Claims: the server refuses anyone else in plain words.
  if (section === 'payments' && id) return <PaymentBatchView id={id} />;
  if (section === 'payments') return <PaymentsView />;
  if (section === 'team') return <TeamView myId={myId} />;
  // Hosts read it, IEV keeps it; anyone else who types the address gets the server's refusal in plain words.
  if (section === 'organisations') return <OrganisationsView />;
  // IEV only, like Claims: the server refuses anyone else in plain words.
  if (section === 'applications') return <ApplicationsView />;
  // IEV only, like Claims: the server refuses anyone else in plain words.
  if (section === 'support' && id && route.segments[2])
    return <SupportPlanView hostId={id} requestId={route.segments[2]} />;
  if (section === 'support') return <SupportView show={route.params.get('show') === 'done' ? 'done' : 'open'} />;
  if (section === 'impact')
    return (
      <ImpactView
        from={route.params.get('from') ?? undefined}
        to={route.params.get('to') ?? undefined}
        area={route.params.get('area') ?? pinnedArea}
        areas={options.serviceAreas}
      />
    );
  return <RegisterView filters={filters} options={options} />;
}

/** "Claims" with the number waiting for a decision, refreshed when a decision is made in the tab. */
function ClaimsNavLink({ current }: { current: boolean }) {
  const [waiting, setWaiting] = useState<number>();
  useEffect(() => {
    const load = () =>
      void api(API.waitingClaims).then(
        (found) => setWaiting(found.waiting),
        () => setWaiting(undefined),
      );
    load();
    window.addEventListener(CLAIMS_CHANGED, load);
    return () => window.removeEventListener(CLAIMS_CHANGED, load);
  }, []);
  return (
    <NavLink path="claims" current={current}>
      {waiting ? `Claims (${waiting} waiting)` : 'Claims'}
    </NavLink>
  );
}

function NavLink({
  path,
  params,
  current,
  children,
}: {
  path: string;
  params?: Record<string, string | undefined>;
  current: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Link
      href={href(path, params)}
      aria-current={current ? 'page' : undefined}
      className={current ? styles.current : undefined}
    >
      {children}
    </Link>
  );
}

function roleLabel(audience: RegisterOptions['audience']): string {
  return audience === 'iev' ? 'IEV team' : audience === 'host' ? 'host' : 'viewer';
}
