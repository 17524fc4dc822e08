// Every screen and dialog that is never the first one, as one chunk: the app fetches it right
// after the first render (lazy-screens.ts), and the service worker precaches one file for them
// rather than one per screen.
export { PaymentScreen } from './payment/payment-screen';
export { ReceiptScreen } from './receipt/receipt-screen';
export { HistoryScreen } from './history/history-screen';
export { SyncCenter } from './sync-center/sync-center';
export { LogoutDialog } from './logout/logout-dialog';
export { ShiftScreen } from './shift/shift-screen';
export { RefundScreen } from './refund/refund-screen';
export { StockScreen } from './stock/stock-screen';
export { CustomerScreen } from './customers/customer-screen';
export { ParkedList } from './parked/parked-list';
export { LineDialog } from './sell/line-dialog';
export { OrderDiscountDialog } from './sell/order-discount-dialog';
export { OpenShiftForm } from './shift/open-shift-form';
export { RegisterSetupScreen } from './register-setup/register-setup-screen';
export { FirstSyncScreen } from './register-setup/first-sync-screen';
