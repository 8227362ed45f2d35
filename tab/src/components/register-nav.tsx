import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { api, API, type RegisterOptions } from '../api.js';
import { linkTo, sectionOf, type PlainPathName, type Route } from '../router.js';
import { CLAIMS_CHANGED } from '../views/claims-view.js';

const useStyles = makeStyles({
  nav: { display: 'flex', flexWrap: 'wrap', gap: '16px' },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
});

type Audience = RegisterOptions['audience'];

interface Section {
  readonly label: string;
  readonly path: PlainPathName;
  readonly shownTo: (audience: Audience) => boolean;
  /** Whether the address is this section's; by default, when it starts with the section's path. */
  readonly current?: (route: Route) => boolean;
  /** Keeps a channel tab pinned for a service area to that area. */
  readonly keepsArea?: boolean;
}

const everyone = () => true;
const hostsAndIev = (audience: Audience) => audience !== 'viewer';
const ievOnly = (audience: Audience) => audience === 'iev';

const SECTIONS: readonly Section[] = [
  {
    label: 'Partners',
    path: 'partners',
    shownTo: everyone,
    current: (route) => sectionIn(route) === sectionOf('partners') && route.segments[1] !== 'new',
  },
  { label: 'Involvement work', path: 'work', shownTo: everyone, keepsArea: true },
  { label: 'Opportunities', path: 'opportunities', shownTo: hostsAndIev },
  { label: 'Is it working?', path: 'impact', shownTo: hostsAndIev, keepsArea: true },
  // Marked current on any ".../new" address, as it always has been (an opportunity's form too).
  {
    label: 'Register a partner',
    path: 'newPartner',
    shownTo: ievOnly,
    current: (route) => route.segments[1] === 'new',
  },
  { label: 'Claims', path: 'claims', shownTo: ievOnly },
  { label: 'Payments', path: 'payments', shownTo: ievOnly },
  { label: 'Support requests', path: 'support', shownTo: ievOnly },
  { label: 'Applications to join', path: 'applications', shownTo: ievOnly },
  { label: 'Community organisations', path: 'organisations', shownTo: hostsAndIev },
  { label: 'IEV team', path: 'team', shownTo: ievOnly },
];

/** The register's sections a person may open, the one they are in marked as the current page. */
export function RegisterNav({
  route,
  audience,
  pinnedArea,
}: {
  route: Route;
  audience: Audience;
  pinnedArea: string | undefined;
}) {
  const styles = useStyles();
  return (
    <nav aria-label="Register sections" className={styles.nav}>
      {SECTIONS.filter((section) => section.shownTo(audience)).map((section) => {
        const href = linkTo(section.path, section.keepsArea ? { area: pinnedArea } : undefined);
        const current = section.current?.(route) ?? sectionIn(route) === sectionOf(section.path);
        return section.path === 'claims' ? (
          <ClaimsNavLink key={section.path} label={section.label} href={href} current={current} />
        ) : (
          <NavLink key={section.path} href={href} current={current}>
            {section.label}
          </NavLink>
        );
      })}
    </nav>
  );
}

/** The section the address is in; the register when it names none. */
export function sectionIn(route: Route): string {
  return route.segments[0] ?? sectionOf('partners');
}

/** "Claims" with the number waiting for a decision, refreshed when a decision is made in the tab. */
function ClaimsNavLink({ label, href, current }: { label: string; href: string; current: boolean }) {
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
    <NavLink href={href} current={current}>
      {waiting ? `${label} (${waiting} waiting)` : label}
    </NavLink>
  );
}

function NavLink({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Link href={href} aria-current={current ? 'page' : undefined} className={current ? styles.current : undefined}>
      {children}
    </Link>
  );
}
