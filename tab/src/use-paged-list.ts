import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Page } from './api.js';

export type PagedListState = 'loading' | 'ready' | 'more' | 'error';

/**
 * A list the server pages with continuation tokens: the first page whenever `path` changes, the next
 * one on `more()`. Only the latest request may update the list: an older, slower answer must not
 * overwrite a newer search.
 */
export function usePagedList<T>(path: string): {
  items: T[];
  continuation: string | undefined;
  state: PagedListState;
  error: unknown;
  reload: () => Promise<void>;
  more: () => Promise<void>;
} {
  const [items, setItems] = useState<T[]>([]);
  const [continuation, setContinuation] = useState<string>();
  const [state, setState] = useState<PagedListState>('loading');
  const [error, setError] = useState<unknown>();
  const latest = useRef(0);

  const load = useCallback(
    async (from?: string) => {
      const request = ++latest.current;
      setState(from ? 'more' : 'loading');
      const separator = path.includes('?') ? '&' : '?';
      try {
        const page = await api<Page<T>>(from ? `${path}${separator}continuation=${encodeURIComponent(from)}` : path);
        if (request !== latest.current) return;
        setItems((previous) => (from ? [...previous, ...page.items] : page.items));
        setContinuation(page.continuation ?? undefined);
        setState('ready');
      } catch (failure) {
        if (request !== latest.current) return;
        setError(failure);
        setState('error');
      }
    },
    [path],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return { items, continuation, state, error, reload: () => load(), more: () => load(continuation) };
}
