import { useT } from '../../i18n/i18n';
import type { SaleSyncState } from '../till-data';

const keys = {
  pending: 'sync.state.pending',
  synced: 'sync.state.synced',
  'needs-attention': 'sync.state.needsAttention',
} as const;

export function SyncBadge(props: { state: SaleSyncState }) {
  const t = useT();
  return <span className={`badge badge-${props.state}`}>{t(keys[props.state])}</span>;
}
