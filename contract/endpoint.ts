/**
 * How the contract names an endpoint: its method and path, and — as types only — what it takes and
 * what it answers. The server mounts a route by its endpoint (the handler must answer the endpoint's
 * type) and the tab calls it by the same endpoint (and gets that type back), so neither can drift.
 *
 * No zod here: the tab loads this file at run time, and the schemas stay out of its bundle.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Every value in a URL query is a string; the server's schema decides what each one means. */
export type QueryOf<Params> = { readonly [K in keyof Params]?: string | undefined };

export interface Parts {
  readonly body?: unknown;
  readonly query?: unknown;
}

export interface Endpoint<
  M extends Method = Method,
  P extends string = string,
  Response = unknown,
  Request extends Parts = Parts,
> {
  readonly method: M;
  readonly path: P;
  /** True when it takes a JSON body: the server reads one (size-limited) only for these, and refuses it elsewhere. */
  readonly takesBody: boolean;
  /** Never set: it carries the endpoint's types to `ResponseOf` and `RequestOf`. */
  readonly types?: { readonly response: Response; readonly request: Request };
}

/** A route answered with a file (a receipt, a CSV), linked to rather than fetched as JSON. */
export interface FileDownload {
  readonly file: true;
}

type RequestTypes<E extends Endpoint> = NonNullable<E['types']>['request'];
export type ResponseOf<E extends Endpoint> = NonNullable<E['types']>['response'];
export type BodyOf<E extends Endpoint> = RequestTypes<E> extends { readonly body: infer Body } ? Body : undefined;
export type QueryParamsOf<E extends Endpoint> =
  RequestTypes<E> extends { readonly query: infer Query } ? Query : undefined;

/** `/api/partners/:id/status` → `{ id: string }`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { readonly [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { readonly [K in Name]: string }
    : Record<never, never>;

/** What a caller gives to call an endpoint: its path's params, its body, its query — each only where it has one. */
export type RequestOf<E extends Endpoint> = (E extends Endpoint<Method, infer P>
  ? keyof PathParams<P> extends never
    ? unknown
    : { readonly params: PathParams<P> }
  : never) &
  (BodyOf<E> extends undefined ? unknown : { readonly body: BodyOf<E> }) &
  (QueryParamsOf<E> extends undefined ? unknown : { readonly query?: QueryParamsOf<E> });

/** The request can be left out when the endpoint needs nothing. */
export type RequestArgs<E extends Endpoint> =
  Record<never, never> extends RequestOf<E> ? [request?: RequestOf<E>] : [request: RequestOf<E>];

interface Definition<M extends Method, P extends string, Request extends Parts> {
  /** The JSON body it takes. */
  sends<Body>(): Definition<M, P, Request & { readonly body: Body }>;
  /** The query string it reads (the server's schema's fields; each value a string). */
  reads<Params>(): Definition<M, P, Request & { readonly query: QueryOf<Params> }>;
  /** What it answers with. */
  answers<Response>(): Endpoint<M, P, Response, Request>;
}

function define<M extends Method, P extends string, Request extends Parts>(
  method: M,
  path: P,
  takesBody = false,
): Definition<M, P, Request> {
  return {
    sends: () => define(method, path, true),
    reads: () => define(method, path, takesBody),
    answers: () => ({ method, path, takesBody }),
  };
}

export const get = <P extends string>(path: P) => define<'GET', P, Record<never, never>>('GET', path);
export const post = <P extends string>(path: P) => define<'POST', P, Record<never, never>>('POST', path);
export const put = <P extends string>(path: P) => define<'PUT', P, Record<never, never>>('PUT', path);
export const del = <P extends string>(path: P) => define<'DELETE', P, Record<never, never>>('DELETE', path);

/** The endpoint's path with its `:params` filled in (each one URL-encoded) and its query string, if any. */
export function urlOf<P extends string>(
  endpoint: Endpoint<Method, P>,
  params: PathParams<P>,
  query?: Readonly<Record<string, string | undefined>>,
): string {
  const path = endpoint.path.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent((params as Record<string, string>)[name] ?? ''),
  );
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
