import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { jwtVerify } from 'jose';
import type { Channel, MessageKind } from '../domain/partner-messages/ports.js';

/**
 * A small server that speaks GOV.UK Notify's REST API (v2), for local mode and tests: the role the local Bot
 * Connector plays for Teams. The app talks to it with the official `notifications-node-client`, so the real
 * client, its JWT and its requests are exercised end to end. What it receives is listed at `/dev/notify`.
 *
 * As Notify does: every request carries `Authorization: Bearer <JWT>` signed HS256 with the API key's secret,
 * `iss` the service id and `iat` within 30 seconds of now (403 otherwise); messages are validated (a UK mobile
 * number, an email address, at least 3 address lines ending in a postcode, every placeholder of the template
 * given) and answered 201 with the notification's id; `GET /v2/notifications/{id}` and
 * `GET /v2/notifications?reference=` report status. Notify's simulated recipients fail as Notify's do.
 */

export interface LocalTemplate {
  readonly id: string;
  readonly kind: MessageKind;
  readonly channel: Channel;
  readonly name: string;
  readonly subject?: string;
  readonly body: string;
}

/** Local copies of the templates (the real wording lives in the Trust's Notify account), one per kind and channel. */
export const LOCAL_TEMPLATES: readonly LocalTemplate[] = buildLocalTemplates();

export interface LocalNotification {
  readonly id: string;
  readonly type: Channel;
  readonly reference: string | undefined;
  readonly templateId: string;
  readonly templateName: string;
  /** The email address or phone number; for letters the first address line (the name). */
  readonly recipient: string;
  readonly personalisation: Readonly<Record<string, string>>;
  readonly subject: string | undefined;
  readonly body: string;
  status: string;
  readonly createdAt: string;
}

export interface LocalNotifyServer {
  readonly baseUrl: string;
  /** An API key in Notify's format (`name-serviceId-secret`) that this server accepts. */
  readonly apiKey: string;
  received(): readonly LocalNotification[];
  stop(): Promise<void>;
}

export interface LocalNotifyOptions {
  readonly port?: number;
  /** Accept this key (tests share one across a restart of the app); a fresh one otherwise. */
  readonly apiKey?: string;
  /** Keep what was received in this file, so a restart of local mode still lists it. */
  readonly persistFile?: string;
}

const TOKEN_BOUND_SECONDS = 30;
const MAX_BODY_BYTES = 100_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UK_MOBILE = /^(?:\+44|0044|0)7\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
/** Notify's simulated recipients (its documentation's "smoke test" addresses and numbers). */
const SIMULATED: Readonly<Record<string, string>> = {
  'temp-fail@simulator.notify': 'temporary-failure',
  'perm-fail@simulator.notify': 'permanent-failure',
  '07700900003': 'temporary-failure',
  '07700900002': 'permanent-failure',
};

export async function startLocalNotifyServer(options: LocalNotifyOptions = {}): Promise<LocalNotifyServer> {
  const apiKey = options.apiKey ?? `local-${randomUUID()}-${randomUUID()}`;
  const serviceId = apiKey.slice(-73, -37);
  const secret = new TextEncoder().encode(apiKey.slice(-36));
  const notifications: LocalNotification[] = options.persistFile ? await restore(options.persistFile) : [];
  let saving = Promise.resolve();
  const persist = () => {
    if (!options.persistFile) return;
    const file = options.persistFile;
    saving = saving.then(() => save(file, notifications)).catch(() => undefined);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => answer(res, 500, errors(500, 'Exception', 'Internal server error')));
  });
  server.keepAliveTimeout = 10_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const auth = await authenticate(req.headers.authorization, { serviceId, secret });
    if (auth) {
      req.resume();
      return answer(res, auth.status, errors(auth.status, 'AuthError', auth.message));
    }
    const send = /^\/v2\/notifications\/(email|sms|letter)$/.exec(url.pathname);
    if (req.method === 'POST' && send) {
      const body = await readJson(req);
      if (body === undefined)
        return answer(res, 400, errors(400, 'BadRequestError', 'Invalid JSON supplied in POST data'));
      const created = create(send[1] as Channel, body);
      if ('error' in created) return answer(res, 400, errors(400, created.error, created.message));
      notifications.push(created.notification);
      persist();
      return answer(res, 201, createdResponse(created.notification, baseUrlOf()));
    }
    req.resume();
    const one = /^\/v2\/notifications\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && one) {
      const notification = notifications.find((candidate) => candidate.id === one[1]);
      if (!notification) return answer(res, 404, errors(404, 'NoResultFound', 'No result found'));
      progress(notification);
      return answer(res, 200, notificationResponse(notification));
    }
    if (req.method === 'GET' && url.pathname === '/v2/notifications') {
      return answer(res, 200, {
        notifications: matching(notifications, url.searchParams).map(notificationResponse),
        links: { current: `${baseUrlOf()}${url.pathname}${url.search}` },
      });
    }
    return answer(res, 404, errors(404, 'NotFound', 'Not found'));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const baseUrlOf = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const baseUrl = baseUrlOf();
  return {
    baseUrl,
    apiKey,
    received: () => notifications,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await saving;
    },
  };
}

/** Notify's API key check: a bearer JWT signed with the key's secret, issued by its service, within 30 seconds. */
async function authenticate(
  header: string | undefined,
  key: { readonly serviceId: string; readonly secret: Uint8Array },
): Promise<{ status: number; message: string } | undefined> {
  if (!header) return { status: 401, message: 'Unauthorized: authentication token must be provided' };
  if (header.slice(0, 7).toLowerCase() !== 'bearer ')
    return { status: 401, message: 'Unauthorized: authentication bearer scheme must be used' };
  try {
    const { payload } = await jwtVerify(header.slice(7), key.secret, { algorithms: ['HS256'] });
    if (payload.iss !== key.serviceId) return { status: 403, message: 'Invalid token: service not found' };
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.iat !== 'number') return { status: 403, message: 'Invalid token: iat field not provided' };
    if (payload.iat < now - TOKEN_BOUND_SECONDS)
      return { status: 403, message: 'Error: Your system clock must be accurate to within 30 seconds' };
    if (payload.iat > now + TOKEN_BOUND_SECONDS)
      return { status: 403, message: 'Invalid token: Token can not be in the future' };
    return undefined;
  } catch {
    return { status: 403, message: 'Invalid token: API key not found' };
  }
}

/** The notifications a list request asks for (by reference and template type), newest first. */
function matching(notifications: readonly LocalNotification[], query: URLSearchParams): LocalNotification[] {
  const reference = query.get('reference');
  const templateType = query.get('template_type');
  return notifications
    .filter(
      (candidate) =>
        (reference === null || candidate.reference === reference) && (!templateType || candidate.type === templateType),
    )
    .reverse();
}

type Created = { notification: LocalNotification } | { error: string; message: string };

function create(type: Channel, body: Record<string, unknown>): Created {
  const templateId = typeof body.template_id === 'string' ? body.template_id : '';
  if (!UUID.test(templateId)) return { error: 'ValidationError', message: 'template_id is not a valid UUID' };
  const template = LOCAL_TEMPLATES.find((candidate) => candidate.id === templateId);
  if (!template) return { error: 'BadRequestError', message: 'Template not found' };
  if (template.channel !== type)
    return {
      error: 'BadRequestError',
      message: `${type} template is not suitable for ${template.channel} notification`,
    };
  const personalisation = stringsOf(body.personalisation);
  if (!personalisation) return { error: 'ValidationError', message: 'personalisation is not of type object' };
  const reference = typeof body.reference === 'string' ? body.reference : undefined;
  let recipient: string;
  let status = 'created';
  if (type === 'email') {
    recipient = typeof body.email_address === 'string' ? body.email_address.trim() : '';
    if (!EMAIL.test(recipient)) return { error: 'ValidationError', message: 'email_address Not a valid email address' };
    status = SIMULATED[recipient.toLowerCase()] ? 'sending' : 'created';
  } else if (type === 'sms') {
    recipient = typeof body.phone_number === 'string' ? body.phone_number.replace(/[\s()-]/g, '') : '';
    if (!UK_MOBILE.test(recipient)) return { error: 'ValidationError', message: 'phone_number Not a UK mobile number' };
  } else {
    const lines = [1, 2, 3, 4, 5, 6, 7]
      .map((n) => personalisation[`address_line_${n}`]?.trim())
      .filter(Boolean) as string[];
    if (lines.length < 3) return { error: 'ValidationError', message: 'Address must be at least 3 lines' };
    if (!UK_POSTCODE.test(lines[lines.length - 1]!))
      return {
        error: 'ValidationError',
        message: 'Last line of address must be a real UK postcode or another country',
      };
    recipient = lines[0]!;
  }
  const placeholders = [...`${template.subject ?? ''} ${template.body}`.matchAll(/\(\(([a-z_0-9]+)\)\)/g)].map(
    (match) => match[1]!,
  );
  const missing = [...new Set(placeholders)].filter((name) => personalisation[name] === undefined);
  if (missing.length > 0)
    return { error: 'BadRequestError', message: `Missing personalisation: ${missing.join(', ')}` };
  const fill = (text: string) =>
    text.replace(/\(\(([a-z_0-9]+)\)\)/g, (_all, name: string) => personalisation[name] ?? '');
  return {
    notification: {
      id: randomUUID(),
      type,
      reference,
      templateId,
      templateName: template.name,
      recipient,
      personalisation,
      subject: template.subject ? fill(template.subject) : undefined,
      body: fill(template.body),
      status,
      createdAt: new Date().toISOString(),
    },
  };
}

/** The next status Notify would report: delivered (letters: received), or a simulated recipient's failure. */
function progress(notification: LocalNotification): void {
  if (notification.status !== 'created' && notification.status !== 'sending') return;
  const simulated =
    SIMULATED[notification.recipient.toLowerCase()] ?? SIMULATED[notification.recipient.replace(/^\+44/, '0')];
  notification.status = simulated ?? (notification.type === 'letter' ? 'received' : 'delivered');
}

function createdResponse(notification: LocalNotification, baseUrl: string) {
  return {
    id: notification.id,
    reference: notification.reference ?? null,
    content: {
      body: notification.body,
      ...(notification.subject ? { subject: notification.subject } : {}),
      ...(notification.type === 'email' ? { from_email: 'involvement.hub@notifications.service.gov.uk' } : {}),
      ...(notification.type === 'sms' ? { from_number: 'NHS' } : {}),
    },
    uri: `${baseUrl}/v2/notifications/${notification.id}`,
    template: { id: notification.templateId, version: 1, uri: `${baseUrl}/v2/template/${notification.templateId}` },
    scheduled_for: null,
  };
}

function notificationResponse(notification: LocalNotification) {
  return {
    id: notification.id,
    reference: notification.reference ?? null,
    type: notification.type,
    status: notification.status,
    template: { id: notification.templateId, version: 1, uri: `/v2/template/${notification.templateId}` },
    body: notification.body,
    subject: notification.subject ?? null,
    email_address: notification.type === 'email' ? notification.recipient : null,
    phone_number: notification.type === 'sms' ? notification.recipient : null,
    created_at: notification.createdAt,
  };
}

function errors(status: number, error: string, message: string) {
  return { status_code: status, errors: [{ error, message }] };
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function stringsOf(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, String(item)]));
}

async function restore(file: string): Promise<LocalNotification[]> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LocalNotification[];
  } catch {
    return [];
  }
}

async function save(file: string, notifications: readonly LocalNotification[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(notifications));
  await rename(`${file}.tmp`, file);
}

function buildLocalTemplates(): LocalTemplate[] {
  const words: Record<MessageKind, { name: string; subject: string; body: string; sms: string }> = {
    welcome: {
      name: 'Welcome to Involvement',
      subject: 'Welcome to Involvement',
      body: 'Dear ((name)),\n\nThank you for joining the Involvement Register. We will get in touch about opportunities that fit what you told us.\n\nThe Involvement, Experience and Volunteering team',
      sms: 'Hello ((name)), welcome to the Involvement Register. We will be in touch about opportunities. IEV team',
    },
    'expenses-paid': {
      name: 'Your expenses were paid',
      subject: 'Your expenses were paid',
      body: 'Dear ((name)),\n\nWe have paid your expenses of ((amount)) on ((paid_on)). Thank you for your time.\n\nThe Involvement, Experience and Volunteering team',
      sms: 'Hello ((name)), we paid your expenses of ((amount)) on ((paid_on)). Thank you. IEV team',
    },
    'you-said-we-did': {
      name: 'You said, we did',
      subject: 'What changed because of you: ((work_title))',
      body: 'Dear ((name)),\n\nThank you for taking part in ((work_title)). Here is what changed because of what you told us:\n\n((what_changed))\n\nThe Involvement, Experience and Volunteering team',
      sms: 'Hello ((name)), thank you for taking part in ((work_title)). What changed: ((what_changed))',
    },
    'evaluation-invitation': {
      name: 'How was it for you?',
      subject: 'How was it for you? ((work_title))',
      body: 'Dear ((name)),\n\nHow was taking part in ((work_title)) for you? It takes 2 minutes: ((link))\n\nThe link works once, until ((closes_on)).',
      sms: 'Hello ((name)), how was ((work_title)) for you? 2 minutes: ((link)) (until ((closes_on)))',
    },
    invitation: {
      name: 'Invitation to an involvement opportunity',
      subject: 'Would you like to take part? ((work_title))',
      body: 'Dear ((name)),\n\nWe think you could help with ((work_title)): ((when)), ((where)).\n\nTell us if you are interested, not this time, or would rather we stopped inviting you: ((link))\n\nPlease answer by ((closes_on)). Your expenses are paid.\n\nThe Involvement, Experience and Volunteering team',
      sms: 'Hello ((name)), would you like to help with ((work_title)) on ((when))? Answer by ((closes_on)): ((link))',
    },
    'consent-renewal': {
      name: 'Do you still agree?',
      subject: 'Do you still agree to be on the Involvement Register?',
      body: 'Dear ((name)),\n\nYou agreed to ((purposes)) some time ago. We check every so often that you still agree. Please tell us, for each one, whether you still agree or would like us to stop: ((link))\n\nIt takes a minute. The link works once, until ((closes_on)). If you do not answer, nothing changes.\n\nThe Involvement, Experience and Volunteering team',
      sms: 'Hello ((name)), do you still agree to ((purposes))? Tell us by ((closes_on)): ((link)) IEV team',
    },
  };
  return (Object.keys(words) as MessageKind[]).flatMap((kind, index) => {
    const { name, subject, body, sms } = words[kind];
    const id = (channel: number) => `00000000-0000-4000-8000-${String(index * 10 + channel).padStart(12, '0')}`;
    return [
      { id: id(1), kind, channel: 'email' as const, name: `${name} (email)`, subject, body },
      { id: id(2), kind, channel: 'sms' as const, name: `${name} (text message)`, body: sms },
      { id: id(3), kind, channel: 'letter' as const, name: `${name} (letter)`, subject, body },
    ];
  });
}
