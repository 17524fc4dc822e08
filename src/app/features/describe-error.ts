// Any failure, in words a cashier understands. Never a stack trace or a server message.
import type { Translate } from '../i18n/i18n';
import { ApiError, NetworkError } from '../sync/http';
import { TillDataError } from './till-data-error';

export function describeError(err: unknown, t: Translate): string {
  if (err instanceof TillDataError) {
    if (err.kind === 'StorageFull') return t('error.storageFull');
    if (err.kind === 'NotReady') return t('error.notReady');
    if (err.kind === 'Unsynced') return t('error.unsynced');
    return t('error.failed');
  }
  if (err instanceof NetworkError) return t('error.offline');
  if (err instanceof ApiError) {
    if (err.kind === 'Unauthorized') return t('error.signedOut');
    if (err.kind === 'Forbidden') return t('error.forbidden');
    if (err.kind === 'RateLimited') return t('error.rateLimited');
    if (err.status >= 500) return t('error.server');
  }
  if (err instanceof DOMException && err.name === 'QuotaExceededError')
    return t('error.storageFull');
  return t('error.failed');
}
