import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ResponseOf } from '../../../../contract/endpoint.js';
import { API, type PartnerView, type RegisterOptions } from '../../api.js';
import { CLAIM_STATUS_LABEL, formatDate, formatPounds, PAYMENT_LABEL } from '../../format.js';
import { linkTo } from '../../router.js';
import { PanelTraining } from './partner-tasks.js';
import { HOW_LABEL, PURPOSE_LABEL } from './consent-labels.js';
import { usePartnerStyles } from './partner-styles.js';

/** A partner's record as the server gives it to this person. */
export type PartnerRecord = ResponseOf<typeof API.partner>;

/** The record's sections, each shown when the server sent its part. */
export function PartnerSections({
  data,
  options,
  onChanged,
}: {
  data: PartnerRecord;
  options: RegisterOptions;
  onChanged: () => void;
}) {
  const styles = usePartnerStyles();
  const { partner } = data;
  return (
    <div className={styles.sections}>
      <ProfileSection partner={partner} options={options} onChanged={onChanged} />
      {partner.consent && <ConsentSection partner={partner} />}
      {(partner.contact || partner.communicationNeeds || partner.accessNeeds || partner.consent) && (
        <ContactSection partner={partner} />
      )}
      {partner.emergencyContact && (
        <Section title="Emergency contact" sensitive>
          <p>Only the IEV team sees this. Your viewing has been recorded.</p>
          <Facts
            rows={[
              ['Name', partner.emergencyContact.name],
              ['Relationship', partner.emergencyContact.relationship],
              ['Phone', partner.emergencyContact.phone],
            ]}
          />
        </Section>
      )}
      {partner.equality && <EqualitySection equality={partner.equality} options={options} />}
      {data.involvement && <InvolvementSection involvement={data.involvement} />}
      {data.claims && <ClaimsSection claims={data.claims} />}
    </div>
  );
}

function ProfileSection({
  partner,
  options,
  onChanged,
}: {
  partner: PartnerView;
  options: RegisterOptions;
  onChanged: () => void;
}) {
  return (
    <Section title="Profile">
      <Facts
        rows={[
          ['Interests', partner.interests?.join(', ')],
          ['Service areas', partner.areas?.join(', ')],
          ['Lived experience', partner.livedExperience?.join(', ')],
          ['Availability', partner.availability],
          ['Last involved', formatDate(partner.lastInvolvedAt)],
          ['Hours involved', partner.hoursInvolved?.toString()],
          ['Registered', partner.registeredAt && formatDate(partner.registeredAt)],
          [
            'Interview panel training',
            partner.panelTraining &&
              `Completed ${formatDate(partner.panelTraining.completedOn)} (recorded by ${partner.panelTraining.byName})`,
          ],
        ]}
      />
      {options.audience === 'iev' && partner.status !== 'left' && <PanelTraining id={partner.id} onSaved={onChanged} />}
    </Section>
  );
}

function ContactSection({ partner }: { partner: PartnerView }) {
  return (
    <Section title="Contact and needs">
      <Facts
        rows={[
          ['Email', partner.contact?.email],
          ['Phone', partner.contact?.phone],
          [
            'Prefers',
            partner.contact?.preferredMethod &&
              (CONTACT_METHOD_LABEL[partner.contact.preferredMethod] ?? partner.contact.preferredMethod),
          ],
          ['Postal address', partner.contact?.postalAddress],
          ['Communication needs', partner.communicationNeeds ?? 'None recorded'],
          ['Access needs', partner.accessNeeds ?? 'None recorded'],
        ]}
      />
      {!partner.contact && (
        <p>
          This partner has not agreed to be contacted about opportunities. Ask the IEV team if you need to reach them.
        </p>
      )}
    </Section>
  );
}

function EqualitySection({
  equality,
  options,
}: {
  equality: NonNullable<PartnerView['equality']>;
  options: RegisterOptions;
}) {
  return (
    <Section title="Equality monitoring" sensitive>
      <p>Given with the partner's explicit consent, for monitoring who is reached. Only the IEV team sees this.</p>
      <Facts
        rows={Object.entries(equality).map(([question, answer]) => [
          options.equalityQuestions.find((asked) => asked.key === question)?.short ?? question,
          answer,
        ])}
      />
    </Section>
  );
}

function InvolvementSection({ involvement }: { involvement: NonNullable<PartnerRecord['involvement']> }) {
  const styles = usePartnerStyles();
  return (
    <Section title="Involvement history">
      {involvement.length === 0 ? (
        <p>No involvement work recorded yet.</p>
      ) : (
        <ul className={styles.list}>
          {involvement.map((entry) => (
            <li key={entry.planId}>
              <Link href={linkTo('work', { plan: entry.planId })}>{entry.title}</Link> — {entry.sessions}{' '}
              {entry.sessions === 1 ? 'session' : 'sessions'}, {entry.hours} {entry.hours === 1 ? 'hour' : 'hours'}
              {entry.chosenAt && <> — chosen from an opportunity on {formatDate(entry.chosenAt)}</>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ClaimsSection({ claims }: { claims: NonNullable<PartnerRecord['claims']> }) {
  const styles = usePartnerStyles();
  return (
    <Section title="Claims and payments">
      {claims.length === 0 ? (
        <p>No expense claims yet.</p>
      ) : (
        <ul className={styles.list}>
          {claims.map((claim) => (
            <li key={claim.id}>
              <Link href={linkTo('claim', { id: claim.id })}>{formatPounds(claim.amountPence)}</Link> —{' '}
              {CLAIM_STATUS_LABEL[claim.status] ?? claim.status}, submitted {formatDate(claim.submittedAt)}
              {claim.paidAt ? `, paid ${formatDate(claim.paidAt)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

const CONTACT_METHOD_LABEL: Record<string, string> = {
  email: 'Email',
  phone: 'Phone call',
  text: 'Text message',
  post: 'Post',
};

function Section({ title, sensitive, children }: { title: string; sensitive?: boolean; children: ReactNode }) {
  const styles = usePartnerStyles();
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className={`${styles.section} ${sensitive ? styles.sensitive : ''}`}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: ReadonlyArray<readonly [string, string | undefined]> }) {
  const styles = usePartnerStyles();
  const shown = rows.filter(([, value]) => value !== undefined && value !== '');
  return (
    <dl className={styles.facts}>
      {shown.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ConsentSection({ partner }: { partner: PartnerView }) {
  const styles = usePartnerStyles();
  const consent = partner.consent!;
  const said = (entry: { given: boolean; at: string; how?: string }) =>
    `${entry.given ? 'Yes' : 'No'} (${formatDate(entry.at)}${entry.how ? `, ${HOW_LABEL[entry.how] ?? entry.how}` : ''})`;
  return (
    <Section title="Consent">
      <Facts
        rows={[
          [PURPOSE_LABEL.register, said(consent.register)],
          [PURPOSE_LABEL.contactAboutOpportunities, said(consent.contactAboutOpportunities)],
          [PURPOSE_LABEL.equalityMonitoring, said(consent.equalityMonitoring)],
          ['Payment preference', PAYMENT_LABEL[partner.paymentPreference?.choice ?? 'not-chosen']],
        ]}
      />
      {partner.consentHistory && partner.consentHistory.length > 0 && (
        <>
          <h4 style={{ margin: '12px 0 4px' }}>Consent history</h4>
          <ul className={styles.list}>
            {[...partner.consentHistory].reverse().map((entry, index) => (
              <li key={index}>
                {formatDate(entry.at)}: {entry.given ? 'agreed to' : 'withdrew'}{' '}
                {PURPOSE_LABEL[entry.purpose].toLowerCase()}, {HOW_LABEL[entry.how] ?? entry.how} (recorded by{' '}
                {entry.byName})
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
