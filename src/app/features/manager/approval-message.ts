import type { MessageKey } from '../../i18n/messages';
import type { ApprovalResult } from './approve-manager';

type Failure = Extract<ApprovalResult, { ok: false }>['reason'];

/** Why a manager's approval did not go through, as a message key. */
export const approvalMessage: Record<Failure, MessageKey> = {
  credentials: 'manager.error.credentials',
  notManager: 'manager.error.notManager',
  otherStore: 'manager.error.otherStore',
  offline: 'manager.error.offline',
  rateLimited: 'manager.error.rateLimited',
  failed: 'manager.error.failed',
};
