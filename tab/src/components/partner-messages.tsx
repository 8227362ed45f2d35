import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { formatDate } from '../format.js';
import { useApiResource } from '../use-api-resource.js';
import { API, type PartnerMessageRow } from '../api.js';

type MessageRow = PartnerMessageRow;

const CHANNEL_WORDS: Record<NonNullable<MessageRow['channel']>, string> = {
  email: 'by email',
  sms: 'by text message',
  letter: 'by letter',
};

const STATUS_WORDS: Record<MessageRow['status'], string> = {
  queued: 'Waiting to be sent',
  sent: 'Sent',
  delivered: 'Delivered',
  'not-sent': 'Not sent',
  failed: 'Not delivered',
  cancelled: 'Cancelled',
};

/** IEV: what we sent the partner by GOV.UK Notify, and for any that did not arrive, why and what to do. */
export function PartnerMessages({ partnerId }: { partnerId: string }) {
  const { data } = useApiResource(API.partnerMessages, { params: { id: partnerId } });
  if (!data) return null;
  const problems = data.items.filter((item) => item.problem);
  return (
    <section aria-labelledby="section-messages">
      <h3 id="section-messages">Messages to the partner</h3>
      {problems.map((item) => (
        <MessageBar key={`problem-${item.id}`} intent="warning" layout="multiline" style={{ marginBottom: 8 }}>
          <MessageBarBody>
            <MessageBarTitle>{item.label}</MessageBarTitle>
            {item.problem!.why} {item.problem!.todo}
          </MessageBarBody>
        </MessageBar>
      ))}
      {data.items.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ul>
          {data.items.map((item) => (
            <li key={item.id}>
              {item.label}: {STATUS_WORDS[item.status]}
              {item.channel ? ` ${CHANNEL_WORDS[item.channel]}` : ''}, {formatDate(item.sentAt ?? item.createdAt)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
