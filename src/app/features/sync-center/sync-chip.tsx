// Always on screen: online, degraded or offline, and how many changes wait to be sent.
// Pressing it opens the sync center.
import { useT } from '../../i18n/i18n';
import { useSyncStatus } from '../use-sync-status';

export function SyncChip(props: { onOpen: () => void }) {
  const t = useT();
  const s = useSyncStatus();
  const state = t(`sync.${s.connectivity}`);
  const parts = [state];
  if (s.pending > 0) parts.push(t('sync.pendingCount', { count: s.pending }));
  if (s.needsAttention > 0) parts.push(t('sync.attentionCount', { count: s.needsAttention }));
  return (
    <button
      type="button"
      className={`chip chip-${s.connectivity}${s.needsAttention > 0 ? ' chip-attention' : ''}`}
      aria-haspopup="dialog"
      aria-label={t('sync.chipLabel', { status: parts.join(', ') })}
      onClick={props.onOpen}
    >
      <span className="dot" aria-hidden="true" />
      <span>{state}</span>
      {s.pending > 0 && (
        <span className="chip-count">{t('sync.pendingCount', { count: s.pending })}</span>
      )}
      {s.needsAttention > 0 && (
        <span className="chip-count">{t('sync.attentionCount', { count: s.needsAttention })}</span>
      )}
    </button>
  );
}
