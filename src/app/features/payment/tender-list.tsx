import type { PaymentMethod } from '../../../shared/records/catalog';
import { useT } from '../../i18n/i18n';
import { useTillSession } from '../till/till-context';
import type { Tender } from './settle';

export function TenderList(props: {
  tenders: Tender[];
  methods: PaymentMethod[];
  onRemove: (id: string) => void;
}) {
  const t = useT();
  const { money } = useTillSession();
  if (props.tenders.length === 0) return null;
  return (
    <ul className="tenders" aria-label={t('pay.tenders')}>
      {props.tenders.map((tender) => {
        const name = props.methods.find((m) => m.id === tender.methodId)?.name ?? tender.kind;
        const label = t('pay.tenderLine', { method: name, amount: money(tender.amount) });
        return (
          <li key={tender.id}>
            <span>{label}</span>
            <button
              type="button"
              className="danger icon"
              aria-label={t('pay.removeTender', { tender: label })}
              onClick={() => props.onRemove(tender.id)}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
