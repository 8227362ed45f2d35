import { NotifyClient } from 'notifications-node-client';
import {
  RefusedMessageError,
  type Channel,
  type MessageKind,
  type MessageSender,
  type SendRequest,
} from '../domain/partner-messages/ports.js';

export type TemplateIds = Readonly<Record<`${MessageKind}.${Channel}`, string>>;

export interface NotifySettings {
  readonly baseUrl: string;
  /** Notify's API key (a secret): never logged, never in an error. */
  readonly apiKey: string;
  readonly templates: TemplateIds;
}

/** Notify could not take the message now (throttled, down, or the key refused): the outbox retries with backoff. */
class NotifyUnavailableError extends Error {
  constructor(
    readonly statusCode: number | undefined,
    readonly response: { headers: { get: (name: string) => string | undefined } },
  ) {
    super(`GOV.UK Notify did not take the request${statusCode ? ` (HTTP ${statusCode})` : ''}`);
    this.name = 'NotifyUnavailableError';
  }
}

/** GOV.UK Notify through its official client. Personalisation and addresses go to Notify only, never to a log. */
export class NotifySender implements MessageSender {
  private readonly client: NotifyClient;

  constructor(private readonly settings: NotifySettings) {
    this.client = new NotifyClient(settings.baseUrl, settings.apiKey);
  }

  async send(request: SendRequest): Promise<{ notifyId: string }> {
    const templateId = this.settings.templates[`${request.kind}.${request.to.channel}`];
    const options = { personalisation: { ...request.personalisation }, reference: request.reference };
    try {
      const response =
        request.to.channel === 'email'
          ? await this.client.sendEmail(templateId, request.to.emailAddress, options)
          : request.to.channel === 'sms'
            ? await this.client.sendSms(templateId, request.to.phoneNumber, options)
            : await this.client.sendLetter(templateId, {
                ...options,
                personalisation: { ...options.personalisation, ...addressFields(request.to.addressLines) },
              });
      return { notifyId: response.data.id };
    } catch (error) {
      throw failureOf(error);
    }
  }

  async findByReference(reference: string): Promise<{ notifyId: string; status: string } | undefined> {
    try {
      const response = await this.client.getNotifications(undefined, undefined, reference);
      const found = response.data.notifications[0];
      return found ? { notifyId: found.id, status: found.status } : undefined;
    } catch (error) {
      throw failureOf(error);
    }
  }

  async statusOf(notifyId: string): Promise<string> {
    try {
      return (await this.client.getNotificationById(notifyId)).data.status;
    } catch (error) {
      throw failureOf(error);
    }
  }
}

function addressFields(lines: readonly string[]): Record<string, string> {
  return Object.fromEntries(lines.slice(0, 7).map((line, index) => [`address_line_${index + 1}`, line]));
}

/**
 * Notify answers 400 when it refuses the message itself (validation: not a mobile number, not a postcode):
 * sending it again cannot help. Anything else (403 key refused, 429 throttled, 5xx, no answer) may pass.
 * Only the status and Notify's error class are kept: its message can echo the address or number.
 */
function failureOf(error: unknown): Error {
  const response = (
    error as {
      response?: { status?: number; data?: { errors?: Array<{ error?: string }> }; headers?: Record<string, unknown> };
    } | null
  )?.response;
  const status = response?.status;
  if (status === 400) return new RefusedMessageError(String(response?.data?.errors?.[0]?.error ?? 'BadRequestError'));
  const retryAfter = response?.headers?.['retry-after'];
  return new NotifyUnavailableError(status, {
    headers: { get: (name) => (name === 'retry-after' && typeof retryAfter === 'string' ? retryAfter : undefined) },
  });
}
