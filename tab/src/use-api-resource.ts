import { useCallback, useEffect, useState } from 'react';
import type { Endpoint, RequestArgs, ResponseOf } from '../../contract/endpoint.js';
import { send, urlFor } from './api.js';

/** One record from the API for a view: loaded on mount and whenever its URL changes; `reload` after a change. */
export function useApiResource<E extends Endpoint<'GET'>>(
  endpoint: E,
  ...request: RequestArgs<E>
): { data: ResponseOf<E> | undefined; error: unknown; reload: () => Promise<void> } {
  const [data, setData] = useState<ResponseOf<E>>();
  const [error, setError] = useState<unknown>();
  // The URL says all a GET asks for: a new request object for the same URL is the same record.
  const url = urlFor(endpoint, ...request);
  const reload = useCallback(async () => {
    setError(undefined);
    setData(undefined);
    try {
      setData(await send<ResponseOf<E>>('GET', url));
    } catch (failure) {
      setError(failure);
    }
  }, [url]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
