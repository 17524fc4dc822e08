// The Z report of a closed shift: its fixed totals, the count and the over/short, the charts.
import { useT } from '../../i18n/i18n';
import { useStoreOps } from '../store-ops-context';
import { ShiftReportView } from './shift-report-view';

export function ZReport(props: { shiftId: string }) {
  const t = useT();
  const view = useStoreOps().useShift(props.shiftId);
  if (!view) return null;
  const close = view.shift.close;
  return (
    <ShiftReportView
      title={t('shift.zReport')}
      totals={view.totals}
      sales={view.sales}
      {...(close
        ? { counted: { countedCash: close.countedCash, overShort: close.overShort } }
        : {})}
    />
  );
}
