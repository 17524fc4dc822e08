// The store-operations port as the screens get it: from the till's data port.
import type { StoreOpsData } from './store-ops-data';
import { useTillData } from './till-data-context';

export function useStoreOps(): StoreOpsData {
  const ops = useTillData().storeOps;
  if (!ops) throw new Error('This till has no store operations (TillData.storeOps).');
  return ops;
}

/** A thrown error as words for the screen. */
export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
