import type { Register } from '../../../shared/records/store';
import type { PublicUser } from '../../../shared/records/user';
import { formatMoney } from '../../i18n/i18n';
import type { CatalogInfo } from '../till-data';
import type { TillSession } from './till-context';

export function makeSession(input: {
  user: PublicUser;
  catalog: CatalogInfo;
  register: Register;
  deviceId: string;
}): TillSession {
  const { currency, locale } = input.catalog.store;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  return {
    ...input,
    money: (minor) => formatMoney(minor, currency, locale),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
  };
}
