// The screens and dialogs that are never the first one (components/lazy-screen.ts): payment,
// receipt, history, the sync center, sign-out, the store-operation dialogs, the sell screen's
// line, discount and open-shift dialogs, and a device's one-time register setup. They share one
// chunk (later-screens.ts); sign-in and the sell screen stay in the first script.
import { lazyScreen } from '../components/lazy-screen';

const later = () => import('./later-screens');

export const PaymentScreen = lazyScreen(() => later().then((m) => m.PaymentScreen));
export const ReceiptScreen = lazyScreen(() => later().then((m) => m.ReceiptScreen));
export const HistoryScreen = lazyScreen(() => later().then((m) => m.HistoryScreen));
export const SyncCenter = lazyScreen(() => later().then((m) => m.SyncCenter));
export const LogoutDialog = lazyScreen(() => later().then((m) => m.LogoutDialog));
export const ShiftScreen = lazyScreen(() => later().then((m) => m.ShiftScreen));
export const RefundScreen = lazyScreen(() => later().then((m) => m.RefundScreen));
export const StockScreen = lazyScreen(() => later().then((m) => m.StockScreen));
export const CustomerScreen = lazyScreen(() => later().then((m) => m.CustomerScreen));
export const ParkedList = lazyScreen(() => later().then((m) => m.ParkedList));
export const LineDialog = lazyScreen(() => later().then((m) => m.LineDialog));
export const OrderDiscountDialog = lazyScreen(() => later().then((m) => m.OrderDiscountDialog));
export const OpenShiftForm = lazyScreen(() => later().then((m) => m.OpenShiftForm));
export const RegisterSetupScreen = lazyScreen(() => later().then((m) => m.RegisterSetupScreen));
export const FirstSyncScreen = lazyScreen(() => later().then((m) => m.FirstSyncScreen));

/** Fetches them all; called after the first render. */
export function preloadScreens(): void {
  const screens = [
    PaymentScreen,
    ReceiptScreen,
    HistoryScreen,
    SyncCenter,
    LogoutDialog,
    ShiftScreen,
    RefundScreen,
    StockScreen,
    CustomerScreen,
    ParkedList,
    LineDialog,
    OrderDiscountDialog,
    OpenShiftForm,
    RegisterSetupScreen,
    FirstSyncScreen,
  ];
  // Offline at start: a screen is then fetched when it opens (the worker has it precached).
  for (const screen of screens) screen.preload().catch(() => undefined);
}
