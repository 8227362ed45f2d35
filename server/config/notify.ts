import { CHANNELS, MESSAGE_KINDS } from '../../domain/partner-messages/ports.js';
import { LOCAL_TEMPLATES } from '../../storage/local-notify.js';
import type { TemplateIds } from '../../storage/notify-sender.js';
import type { AppConfig, Mode } from './app-config.js';
import type { Vars } from './environment.js';

/** Messages to partners through GOV.UK Notify: the service, its template ids, and what is missing. */

const NOTIFY_SERVICE_URL = 'https://api.notifications.service.gov.uk';
type TemplateKey = keyof TemplateIds;
const TEMPLATE_KEYS = MESSAGE_KINDS.flatMap((kind) => CHANNELS.map((channel): TemplateKey => `${kind}.${channel}`));

/** NOTIFY_TEMPLATE_WELCOME_EMAIL, NOTIFY_TEMPLATE_EXPENSES_PAID_SMS, …: one Notify template id per message and channel. */
function templateVariable(key: TemplateKey): string {
  return `NOTIFY_TEMPLATE_${key.replace(/[-.]/g, '_').toUpperCase()}`;
}

/** Templates from the environment; outside production, the local Notify server's own ids fill any not given. */
function templatesOf(vars: Vars, localDefaults: boolean): Partial<Record<TemplateKey, string>> {
  const env = vars as unknown as Record<string, string | undefined>;
  return Object.fromEntries(
    TEMPLATE_KEYS.flatMap((key) => {
      const local = LOCAL_TEMPLATES.find((template) => `${template.kind}.${template.channel}` === key)?.id;
      const id = env[templateVariable(key)] ?? (localDefaults ? local : undefined);
      return id ? [[key, id]] : [];
    }),
  );
}

export function notifyConfig(vars: Vars, mode: Mode): AppConfig['notify'] {
  const localDefaults = vars.NODE_ENV !== 'production';
  const templates = templatesOf(vars, localDefaults) as TemplateIds;
  if (vars.NOTIFY_API_KEY)
    return {
      kind: 'service',
      baseUrl: vars.NOTIFY_BASE_URL ?? NOTIFY_SERVICE_URL,
      apiKey: vars.NOTIFY_API_KEY,
      templates,
    };
  return mode === 'local' && localDefaults ? { kind: 'local', templates } : undefined;
}

export function notifyProblems(vars: Vars, config: AppConfig): string[] {
  const problems: string[] = [];
  if (vars.NOTIFY_BASE_URL && !vars.NOTIFY_API_KEY)
    problems.push('NOTIFY_BASE_URL is set but NOTIFY_API_KEY is missing');
  if (config.notify?.kind === 'service') {
    const missing = TEMPLATE_KEYS.filter((key) => !config.notify?.templates[key]).map(templateVariable);
    if (missing.length > 0) problems.push(`GOV.UK Notify template ids are missing: ${missing.join(', ')}`);
    if (config.environment === 'production' && !config.notify.baseUrl.startsWith('https://'))
      problems.push('NOTIFY_BASE_URL must be https in production');
  }
  return problems;
}
