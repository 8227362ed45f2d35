import { useEffect, useState } from 'react';
import { api, API, type AuditEntry } from '../../api.js';
import { formatDate } from '../../format.js';
import { usePartnerStyles } from './partner-styles.js';

/** How the audit trail names a corrected field (the trail holds field names, never values). */
const FIELD_WORDS: Record<string, string> = {
  displayName: 'name',
  'contact.email': 'email address',
  'contact.phone': 'phone number',
  'contact.preferredMethod': 'preferred contact method',
  'contact.postalAddress': 'postal address',
  communicationNeeds: 'communication needs',
  accessNeeds: 'access needs',
  emergencyContact: 'emergency contact',
  interests: 'interests',
  areas: 'service areas',
  availability: 'availability',
  livedExperience: 'lived experience',
};

const AUDIT_WORDS: Record<string, string> = {
  registered: 'registered the partner',
  'viewed-sensitive': 'viewed the emergency contact or equality answers',
  'status-changed': 'changed their status',
  corrected: 'corrected',
  'consent-changed': 'recorded a change of consent',
  exported: 'downloaded a copy of their data',
  erased: 'erased their personal data on request',
};

/** IEV only: who registered the partner and who has seen their emergency contact or equality answers. */
export function AuditTrail({ id }: { id: string }) {
  const styles = usePartnerStyles();
  const [items, setItems] = useState<readonly AuditEntry[]>();
  useEffect(() => {
    api(API.partnerAudit, { params: { id } }).then(
      (found) => setItems(found.items),
      () => setItems([]),
    );
  }, [id]);
  if (!items || items.length === 0) return null;
  return (
    <details style={{ marginTop: 16 }}>
      <summary>Who has seen or changed this partner’s details ({items.length})</summary>
      <ul className={styles.list}>
        {items.map((entry, index) => (
          <li key={index}>
            {formatDate(entry.at)}: {entry.actorName} {AUDIT_WORDS[entry.action] ?? entry.action}
            {entry.action === 'corrected' && ` ${entry.fields.map((field) => FIELD_WORDS[field] ?? field).join(', ')}`}
          </li>
        ))}
      </ul>
    </details>
  );
}
