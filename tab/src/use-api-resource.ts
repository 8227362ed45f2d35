import { useCallback, useEffect, useState } from 'react';
import { api } from './api.js';

/** One record from the API for a view: loaded on mount and whenever the path changes; `reload` after a change. */
export function useApiResource<T>(path: string): { data: T | undefined; error: unknown; reload: () => Promise<void> } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(async () => {
    setError(undefined);
    setData(undefined);
    try {
      setData(await api<T>(path));
    } catch (failure) {
      setError(failure);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
