import type { MutationErrorKind } from '../../../shared/api/mutation-error';
import type { MessageKey } from '../../i18n/messages';

/** Why the server refused an item, in words, by the closed list of rejection kinds. */
export const reasonKey: Record<MutationErrorKind, MessageKey> = {
  InvalidMutation: 'attention.reason.InvalidMutation',
  TotalsMismatch: 'attention.reason.TotalsMismatch',
  Forbidden: 'attention.reason.Forbidden',
  MutationIdReuse: 'attention.reason.MutationIdReuse',
  Conflict: 'attention.reason.Conflict',
  NotFound: 'attention.reason.NotFound',
};
