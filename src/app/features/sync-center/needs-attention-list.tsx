// Items the server refused for good, each with its reason in words: retry it (after the cause
// was fixed on the server) or, as a manager, discard it with a recorded reason.
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { describeError } from '../describe-error';
import type { NeedsAttentionItem } from '../till-data';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';
import { DiscardDialog } from './discard-dialog';
import { reasonKey } from './reason-key';

export function NeedsAttentionList(props: { onError: (message: string | null) => void }) {
  const t = useT();
  const data = useTillData();
  const { dateTime } = useTillSession();
  const items = data.useNeedsAttention();
  const [discarding, setDiscarding] = useState<NeedsAttentionItem | null>(null);

  async function retry(item: NeedsAttentionItem) {
    props.onError(null);
    try {
      await data.retry(item.id);
    } catch (err) {
      props.onError(describeError(err, t));
    }
  }

  if (!items || items.length === 0) return <p className="muted">{t('attention.none')}</p>;
  return (
    <>
      <ul className="attention-list">
        {items.map((item) => {
          const what = item.receiptNumber ?? item.kind;
          return (
            <li key={item.id} aria-label={what}>
              <div className="attention-head">
                <strong>{what}</strong>
                <span className="muted">{dateTime(item.at)}</span>
              </div>
              <p className="attention-reason">{t(reasonKey[item.errorKind])}</p>
              <details>
                <summary>{t('attention.details')}</summary>
                <p className="muted">{item.message}</p>
              </details>
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('attention.retryOf', { what })}
                  onClick={() => void retry(item)}
                >
                  {t('attention.retry')}
                </button>
                <button
                  type="button"
                  className="danger"
                  aria-label={t('attention.discardOf', { what })}
                  onClick={() => setDiscarding(item)}
                >
                  {t('attention.discard')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {discarding && <DiscardDialog item={discarding} onClose={() => setDiscarding(null)} />}
    </>
  );
}
