import { useCallback, useEffect, useRef, useState } from 'react';
import type { Endpoint, RequestArgs, ResponseOf } from '../../contract/endpoint.js';
import { send, urlFor } from './api.js';

export type PagedListState = 'loading' | 'ready' | 'more' | 'error';

/** An endpoint that answers one page of a list, with a continuation token for the next. */
type PagedEndpoint = Endpoint<
  'GET',
  string,
  { readonly items: readonly unknown[]; readonly continuation?: string | null }
>;
type ItemOf<E extends Endpoint> = ResponseOf<E> extends { readonly items: ReadonlyArray<infer T> } ? T : never;

/**
 * A list the server pages with continuation tokens: the first page whenever the request changes, the next
 * one on `more()`. Only the latest request may update the list: an older, slower answer must not
 * overwrite a newer search.
 */
export function usePagedList<E extends PagedEndpoint>(
  endpoint: E,
  ...request: RequestArgs<E>
): {
  items: Array<ItemOf<E>>;
  continuation: string | undefined;
  state: PagedListState;
  error: unknown;
  reload: () => Promise<void>;
  more: () => Promise<void>;
} {
  const [items, setItems] = useState<Array<ItemOf<E>>>([]);
  const [continuation, setContinuation] = useState<string>();
  const [state, setState] = useState<PagedListState>('loading');
  const [error, setError] = useState<unknown>();
  const latest = useRef(0);
  // The URL says all a GET asks for: a new request object for the same URL is the same list.
  const url = urlFor(endpoint, ...request);

  const load = useCallback(
    async (from?: string) => {
      const current = ++latest.current;
      setState(from ? 'more' : 'loading');
      const separator = url.includes('?') ? '&' : '?';
      try {
        const page = await send<ResponseOf<E>>(
          'GET',
          from ? `${url}${separator}continuation=${encodeURIComponent(from)}` : url,
        );
        if (current !== latest.current) return;
        const found = page.items as Array<ItemOf<E>>;
        setItems((previous) => (from ? [...previous, ...found] : found));
        setContinuation(page.continuation ?? undefined);
        setState('ready');
      } catch (failure) {
        if (current !== latest.current) return;
        setError(failure);
        setState('error');
      }
    },
    [url],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return { items, continuation, state, error, reload: () => load(), more: () => load(continuation) };
}
