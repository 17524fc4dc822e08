// Orders parked on this register: resume one into the cart, or cancel it (both final).
import { useState } from 'react';
import type { ParkedOrder } from '../../../shared/records/parked-order';
import { useT } from '../../i18n/i18n';
import { errorText, useStoreOps } from '../store-ops-context';
import { useTillSession } from '../till/till-context';

export function ParkedList(props: { onResume: (order: ParkedOrder) => void }) {
  const t = useT();
  const ops = useStoreOps();
  const { dateTime } = useTillSession();
  const parked = ops.useParked();
  const [error, setError] = useState<string | null>(null);
  if (!parked) return null;
  async function act(p: Promise<ParkedOrder>, resume: boolean) {
    try {
      const order = await p;
      if (resume) props.onResume(order);
    } catch (err) {
      setError(t('storeOps.error', { message: errorText(err) }));
    }
  }
  return (
    <section aria-labelledby="parked-title">
      <h2 id="parked-title">{t('parked.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {parked.length === 0 ? (
        <p className="muted">{t('parked.none')}</p>
      ) : (
        <ul>
          {parked.map((o) => (
            <li key={o.id}>
              <strong>{o.note}</strong> · {dateTime(o.parkedAt)} ·{' '}
              {t('parked.items', { count: o.lines.reduce((a, l) => a + l.quantity, 0) })}{' '}
              <button type="button" onClick={() => void act(ops.resumeParked(o.id), true)}>
                {t('parked.resume')}
              </button>{' '}
              <button type="button" onClick={() => void act(ops.cancelParked(o.id), false)}>
                {t('parked.cancel')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
