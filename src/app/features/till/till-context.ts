// What every till screen needs once the catalog is in: who sells, for which store and
// register, and money and dates formatted by the store's currency and locale.
import { createContext, useContext } from 'react';
import type { PublicUser } from '../../../shared/records/user';
import type { Register } from '../../../shared/records/store';
import type { CatalogInfo } from '../till-data';

export interface TillSession {
  user: PublicUser;
  catalog: CatalogInfo;
  register: Register;
  deviceId: string;
  money: (minor: number) => string;
  dateTime: (iso: string) => string;
  time: (iso: string) => string;
}

export const TillContext = createContext<TillSession | null>(null);

export function useTillSession(): TillSession {
  const session = useContext(TillContext);
  if (!session) throw new Error('useTillSession needs a TillContext provider');
  return session;
}
