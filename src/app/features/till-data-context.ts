// The data port for the screens below it: the Dexie adapter in the app, a double in tests.
import { createContext, useContext } from 'react';
import type { TillData } from './till-data';

export const TillDataContext = createContext<TillData | null>(null);

export function useTillData(): TillData {
  const data = useContext(TillDataContext);
  if (!data) throw new Error('useTillData needs a TillDataContext provider');
  return data;
}
