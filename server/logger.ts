import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Personal data (names, contact details, health or equality data, free text
 * typed by users) must never be logged: log ids and outcomes only. The redact list is a safety net
 * for the common field names, not a licence to log objects wholesale.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'involvement-hub' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'name',
        '*.name',
        'displayName',
        '*.displayName',
        'email',
        '*.email',
        'phone',
        '*.phone',
        'text',
        '*.text',
        'value',
        '*.value',
        'from.name',
        'recipient.name',
        'headers.authorization',
        'req.headers.authorization',
        'emergencyContact',
        '*.emergencyContact',
        'equality',
        '*.equality',
      ],
      censor: '[redacted]',
    },
  });
}
