// A running pull as a progress bar: "12,400 of 100,000 products".
import { useT } from '../../i18n/i18n';
import type { SyncStatus } from '../till-data';

export function PullProgress(props: {
  pull: NonNullable<SyncStatus['pull']>;
  locale: string;
  unit: 'products' | 'changes';
}) {
  const t = useT();
  const n = new Intl.NumberFormat(props.locale);
  const { done, total } = props.pull;
  const label =
    total === null
      ? t(`pull.${props.unit}.some`, { done: n.format(done) })
      : t(`pull.${props.unit}.of`, { done: n.format(done), total: n.format(total) });
  return (
    <div className="pull-progress">
      <progress
        aria-label={t('pull.label')}
        aria-valuetext={label}
        max={total ?? undefined}
        value={total === null ? undefined : Math.min(done, total)}
      />
      <p>{label}</p>
    </div>
  );
}
