import { Badge, Button, Link } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { CommunityOrganisation } from '../../api.js';
import { formatDate } from '../../format.js';
import { useOrganisationStyles } from './organisation-styles.js';

/** One entry of the directory; for the IEV team, with Edit, Mark checked today and Remove (asked twice). */
export function OrganisationItem({
  organisation,
  titles,
  canEdit,
  onEdit,
  onChecked,
  onRemove,
}: {
  organisation: CommunityOrganisation;
  titles: ReadonlyMap<string, string>;
  canEdit: boolean;
  onEdit: () => void;
  onChecked: () => void;
  onRemove: () => void;
}) {
  const styles = useOrganisationStyles();
  const headingId = `organisation-${organisation.id}`;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.name}>
        {organisation.name}{' '}
        {organisation.checkDue && (
          <Badge appearance="tint" color="warning">
            Check due: not checked for over a year
          </Badge>
        )}
      </h3>
      <dl className={styles.details}>
        {detailRows(organisation, titles).map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {canEdit && <EntryButtons name={organisation.name} onEdit={onEdit} onChecked={onChecked} onRemove={onRemove} />}
    </article>
  );
}

function detailRows(organisation: CommunityOrganisation, titles: ReadonlyMap<string, string>) {
  return [
    ['Reaches', organisation.groups.map((group) => titles.get(group) ?? group).join(', ')],
    ...(organisation.areas.length > 0 ? [['Areas', organisation.areas.join(', ')] as [string, string]] : []),
    ...(organisation.phone
      ? [['Phone', <Link href={`tel:${organisation.phone.replace(/\s+/g, '')}`}>{organisation.phone}</Link>]]
      : []),
    ...(organisation.email ? [['Email', <Link href={`mailto:${organisation.email}`}>{organisation.email}</Link>]] : []),
    ...(organisation.website
      ? [
          [
            'Website',
            <Link href={organisation.website} target="_blank" rel="noreferrer">
              {organisation.website}
            </Link>,
          ],
        ]
      : []),
    ...(organisation.contactPerson ? [['Contact person', organisation.contactPerson] as [string, string]] : []),
    ...(organisation.notes ? [['Notes', organisation.notes] as [string, string]] : []),
    ['Last checked', formatDate(organisation.lastCheckedOn, 'Never')],
  ] as Array<[string, ReactNode]>;
}

function EntryButtons({
  name,
  onEdit,
  onChecked,
  onRemove,
}: {
  name: string;
  onEdit: () => void;
  onChecked: () => void;
  onRemove: () => void;
}) {
  const styles = useOrganisationStyles();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className={styles.buttons}>
      <Button size="small" onClick={onEdit} aria-label={`Edit ${name}`}>
        Edit
      </Button>
      <Button size="small" onClick={onChecked} aria-label={`Mark checked today: ${name}`}>
        Mark checked today
      </Button>
      {confirming ? (
        <>
          <Button size="small" appearance="primary" onClick={onRemove} aria-label={`Yes, remove it: ${name}`}>
            Yes, remove it
          </Button>
          <Button size="small" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </>
      ) : (
        <Button size="small" onClick={() => setConfirming(true)} aria-label={`Remove ${name}`}>
          Remove
        </Button>
      )}
    </div>
  );
}
