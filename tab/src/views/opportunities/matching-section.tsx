import { Link } from '@fluentui/react-components';
import type { MatchingView } from '../../api.js';
import { Loading } from '../../components/states.js';
import { linkTo } from '../../router.js';

/** How many on the register fit the opportunity and why; who, for the IEV team. */
export function MatchingSection({ matching }: { matching: MatchingView | undefined }) {
  if (!matching) return <Loading label="Finding who fits" />;
  return (
    <>
      <h3>Who fits</h3>
      {matching.total === 0 ? (
        <p>
          No one on the register fits yet. Ask the IEV team for help finding people, or widen who you are looking for.
        </p>
      ) : (
        <>
          <p>
            {matching.total === 1 ? '1 person on the register fits' : `${matching.total} people on the register fit`} (
            {matching.strong} strongly). {matching.people ? '' : 'You see how many and why; the IEV team sees who.'}
          </p>
          <ul aria-label="Why they fit">
            {matching.reasons.map((reason) => (
              <li key={reason.reason}>
                {reason.count} {reason.words}
              </li>
            ))}
          </ul>
          {matching.people && (
            <>
              <h4>Who (IEV only), best fit first</h4>
              <ol>
                {matching.people.map((person) => (
                  <li key={person.partnerId}>
                    <Link href={linkTo('partner', { id: person.partnerId })}>{person.displayName}</Link>:{' '}
                    {person.reasons.join('; ')}
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </>
  );
}
