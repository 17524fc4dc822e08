// Whether this register may take payment: a register sells only inside an open shift. 'none'
// when no shift is open, 'loading' while that is being read, and 'open' also on a till without
// store operations (nothing to check there; the local store still refuses a sale without one).
import type { ShiftView } from '../store-ops-data';
import { useTillData } from '../till-data-context';

export type ShiftGate = 'open' | 'none' | 'loading';

const noShifts = (): ShiftView | null | undefined => undefined;

export function useShiftGate(): ShiftGate {
  const ops = useTillData().storeOps;
  // The port is fixed for the till's life, so the same hook runs on every render.
  const useOpenShift = ops ? ops.useOpenShift.bind(ops) : noShifts;
  const view = useOpenShift();
  if (!ops) return 'open';
  if (view === undefined) return 'loading';
  return view ? 'open' : 'none';
}
