import type { Attributes } from '@opentelemetry/api';

/** The part of an ended span (the SDK's ReadableSpan) this processor changes. */
interface EndedSpan {
  readonly attributes: Attributes;
  readonly events: ReadonlyArray<{ readonly attributes?: Attributes | undefined }>;
}

/**
 * Keeps personal data out of every span before it is exported. The HTTP instrumentation records, by default,
 * the full URL with its query string (where people's search terms are), the client's IP address and the
 * user agent; database spans can carry a query's text; exceptions carry messages that may quote what someone
 * typed. None of that leaves the process: query strings and fragments are cut from URLs, and the attributes
 * below are removed. Bodies and headers are never recorded (the instrumentation is not asked to).
 */
export class PrivacySpanProcessor {
  onStart(): void {}

  onEnd(span: EndedSpan): void {
    scrubAttributes(span.attributes);
    for (const event of span.events) if (event.attributes) scrubAttributes(event.attributes);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** Attributes that name or locate a person, or can carry what they typed. */
const REMOVED = [
  /^client\./, // client.address, client.port: the caller's IP
  /^http\.client_ip$/,
  /^net\.peer\.ip$/,
  /^net\.sock\.peer\./,
  /^network\.peer\./,
  /user_agent/, // http.user_agent, user_agent.original
  /^enduser\./,
  /^user\./,
  /^session\./,
  /\.header\./, // http.request.header.*, http.response.header.*
  /^url\.query$/,
  /^db\.statement$/,
  /^db\.query\.text$/,
  /^exception\.message$/,
  /^exception\.stacktrace$/, // its first line repeats the message
];

/** Attributes that hold a URL or a path with an optional query string: kept without the query and fragment. */
const URLS = new Set(['url.full', 'http.url', 'http.target', 'url.original']);

export function scrubAttributes(attributes: Record<string, unknown>): void {
  for (const name of Object.keys(attributes)) {
    if (REMOVED.some((pattern) => pattern.test(name))) {
      delete attributes[name];
    } else if ((URLS.has(name) || name === 'url.path') && typeof attributes[name] === 'string') {
      attributes[name] = withoutQuery(attributes[name]);
    }
  }
}

/**
 * "https://u:p@host/path?q=Ada#x" → "https://host/path"; "/path?q=Ada" → "/path". Cosmos DB document ids are
 * replaced too ("/docs/person:<Entra object id>" → "/docs/{id}"): some are a person's id.
 */
export function withoutQuery(value: string): string {
  const cut = value.split(/[?#]/, 1)[0]!;
  return cut.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1').replace(/\/(docs|attachments)\/[^/]+/g, '/$1/{id}');
}
