// A receipt on screen, with Print (the 80 mm print stylesheet) and the way back: a new sale
// right after paying, or back to today's sales when opened from the history.
import { useT } from '../../i18n/i18n';
import { useTillData } from '../till-data-context';
import { ReceiptView } from './receipt-view';

export function ReceiptScreen(props: { saleId: string; fresh: boolean; onDone: () => void }) {
  const t = useT();
  const data = useTillData();
  const local = data.useSale(props.saleId);
  if (local === undefined) return <p className="loading">{t('common.loading')}</p>;
  if (local === null)
    return (
      <div className="receipt-screen">
        <p role="alert" className="error">
          {t('receipt.missing')}
        </p>
        <button type="button" onClick={props.onDone}>
          {t('receipt.back')}
        </button>
      </div>
    );
  return (
    <div className="receipt-screen">
      <ReceiptView local={local} />
      <div className="receipt-actions">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {props.fresh ? t('receipt.print') : t('receipt.reprint')}
        </button>
        <button type="button" data-autofocus autoFocus onClick={props.onDone}>
          {props.fresh ? t('receipt.newSale') : t('receipt.back')}
        </button>
      </div>
    </div>
  );
}
