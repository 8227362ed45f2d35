import { Badge, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { API, type PartnerView, type RegisterOptions } from '../../api.js';
import { PartnerMessages } from '../../components/partner-messages.js';
import { ErrorMessage, Loading } from '../../components/states.js';
import { STATUS_LABEL } from '../../format.js';
import { linkTo, useRoute } from '../../router.js';
import { useApiResource } from '../../use-api-resource.js';
import { PartnerRights } from '../partner-rights.js';
import { AuditTrail } from './audit-trail.js';
import { ConsentChange } from './consent-change.js';
import { PartnerSections, type PartnerRecord } from './partner-sections.js';
import { usePartnerStyles } from './partner-styles.js';
import { NeedToKnow, StatusChange, WelcomeTask } from './partner-tasks.js';

/** One partner: profile, needs, involvement history, claims; emergency contact and equality answers for IEV only (the server decides). */
export function PartnerPage({ id, options }: { id: string; options: RegisterOptions }) {
  const { data, error, reload: load } = useApiResource(API.partner, { params: { id } });
  const justSaved = useRoute().query.get('saved') === '1';

  if (error) {
    return (
      <section aria-labelledby="partner-heading">
        <h2 id="partner-heading">Involvement Partner</h2>
        <ErrorMessage error={error} onRetry={() => void load()} />
        <p>
          <Link href={linkTo('partners')}>Back to the register</Link>
        </p>
      </section>
    );
  }
  if (!data) return <Loading label="Loading the partner's record" />;
  const { partner } = data;
  return (
    <article aria-labelledby="partner-heading">
      <p>
        <Link href={linkTo('partners')}>Back to the register</Link>
      </p>
      <PartnerTitle partner={partner} />
      {justSaved && (
        <MessageBar intent="success" role="status" style={{ marginBottom: 12 }}>
          <MessageBarBody>Changes saved. The audit log records who changed which details.</MessageBarBody>
        </MessageBar>
      )}
      {data.version && !partner.erasure && (
        <p>
          <Link href={linkTo('editPartner', { id: partner.id })}>Correct {partner.displayName}’s details</Link>
        </p>
      )}
      <NeedToKnow access={data.access} name={partner.displayName} />
      <PartnerSections data={data} options={options} onChanged={() => void load()} />
      <PartnerTasks data={data} onChanged={() => void load()} />
    </article>
  );
}

function PartnerTitle({ partner }: { partner: PartnerView }) {
  const styles = usePartnerStyles();
  return (
    <div className={styles.title}>
      <h2 id="partner-heading">{partner.displayName}</h2>
      <Badge appearance="tint" color={partner.status === 'active' ? 'success' : 'warning'}>
        {STATUS_LABEL[partner.status]}
      </Badge>
    </div>
  );
}

/** What the IEV team may do with the record (the server sends a version to them only), and its audit trail. */
function PartnerTasks({ data, onChanged }: { data: PartnerRecord; onChanged: () => void }) {
  const { partner, version } = data;
  return (
    <>
      {version && partner.consent && !partner.erasure && (
        <ConsentChange partner={partner} version={version} onChanged={onChanged} />
      )}
      {version && !partner.erasure && <StatusChange partner={partner} version={version} onChanged={onChanged} />}
      {version && <PartnerMessages partnerId={partner.id} />}
      {partner.welcome?.status === 'to-send' && <WelcomeTask partner={partner} onDone={onChanged} />}
      {version && <PartnerRights partner={partner} onErased={onChanged} />}
      {(partner.emergencyContact || partner.erasure) && <AuditTrail id={partner.id} />}
    </>
  );
}
