import {
  FluentProvider,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import { Suspense, useEffect, useState } from 'react';
import { api, API, ApiError, setCredentials, type Me, type RegisterOptions, type Session } from './api.js';
import { DeveloperIdentity } from './components/developer-identity.js';
import { RegisterNav, sectionIn } from './components/register-nav.js';
import { ErrorMessage, Loading } from './components/states.js';
import { PageFor } from './pages.js';
import { sectionOf, useRoute } from './router.js';
import { onTeamsThemeChange, teamsToken, themeName, type ThemeName } from './teams.js';
import { channelViewFor } from './views/config-page.js';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;
const IDENTITY_KEY = 'involvement-hub.developer-identity';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  page: { maxWidth: '1100px', margin: '0 auto', padding: '12px 16px 32px', boxSizing: 'border-box' },
  header: { display: 'flex', flexWrap: 'wrap', gap: '8px 24px', alignItems: 'baseline', marginBottom: '12px' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
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
  // A channel tab pinned for a service area keeps to that area wherever its own links lead.
  const pinnedArea = options.serviceAreas.find(
    (area) => channelViewFor('area', area, undefined)?.entityId === entityId,
  );
  return (
    <>
      <header className={styles.header}>
        <h1 className={styles.title}>Involvement Register</h1>
        {sectionIn(route) !== sectionOf('config') && (
          <RegisterNav route={route} audience={options.audience} pinnedArea={pinnedArea} />
        )}
        <span>
          Signed in as {me.displayName} ({roleLabel(options.audience)})
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading label="Loading this page" />}>
          <PageFor route={route} context={{ options, inTeams, myId: me.id, pinnedArea }} />
        </Suspense>
      </main>
    </>
  );
}

function roleLabel(audience: RegisterOptions['audience']): string {
  return audience === 'iev' ? 'IEV team' : audience === 'host' ? 'host' : 'viewer';
}
