// The port between the store-operation screens (shift, refund, parked, customers, conflicts)
// and the register's local store. Every write is one local transaction with its outbox entry
// and works offline; the `use*` members are live React hooks (undefined while loading).
import type { ParkedLine, ParkedOrder } from '../../shared/records/parked-order';
import type { Sale } from '../../shared/records/sale';
import type { DenominationCount, ShiftClose, ShiftTotals } from '../../shared/records/shift';
import type { CashMovementKind } from '../../shared/records/cash-movement';
import type { SaleFlag } from '../../shared/api/flags';
import type { RefundableLine } from '../db/refund-limits';
import type { RefundRequest } from '../db/refund-draft';
import type { CustomerEdit } from '../db/customers';
import type { Customer } from '../../shared/records/customer';
import type { LocalShift } from '../db/records';

export type { RefundableLine, RefundRequest };
export type { LocalShift };
export type { CustomerEdit };

export interface ShiftView {
  shift: LocalShift;
  totals: ShiftTotals;
  /** The shift's sales and refunds, for the charts. */
  sales: Sale[];
}

export interface StoreOpsData {
  /** The open shift of this register with its X totals; null when none is open. */
  useOpenShift(): ShiftView | null | undefined;
  /** A shift (open or closed) with its totals. */
  useShift(id: string): ShiftView | null | undefined;
  /** Orders parked on this register, oldest first. */
  useParked(): ParkedOrder[] | undefined;

  openShift(input: {
    openedBy: string;
    openingFloat: number;
    floatDenominations?: DenominationCount[];
  }): Promise<LocalShift>;
  moveCash(input: {
    kind: CashMovementKind;
    amount: number;
    reason: string;
    userId: string;
  }): Promise<void>;
  closeShift(input: {
    closedBy: string;
    countedCash: number;
    confirmedBy?: string;
  }): Promise<ShiftClose>;

  /** A sale of this register by receipt number (its own or pulled back from the server). */
  findSale(receiptNumber: string): Promise<{ sale: Sale; lines: RefundableLine[] } | null>;
  recordRefund(request: RefundRequest): Promise<Sale>;

  parkOrder(input: { parkedBy: string; note: string; lines: ParkedLine[] }): Promise<ParkedOrder>;
  resumeParked(id: string): Promise<ParkedOrder>;
  cancelParked(id: string): Promise<ParkedOrder>;

  /** Voids the whole unpaid cart: recorded and sent, never silently dropped. */
  voidCart(input: {
    cashierId: string;
    lines: { productId: string; name: string; quantity: number; unitPrice: number }[];
    total: number;
  }): Promise<void>;

  /** Stock on hand per product id: the server's level plus this register's pending moves. */
  useStockOnHand(): Map<string, number> | undefined;
  /** A manager's count (offline too); the server books the differences. */
  countStock(input: {
    countedBy: string;
    lines: { productId: string; counted: number }[];
  }): Promise<void>;
  /** The server's oversell, price-drift and late-sale flags (managers; needs the network). */
  fetchFlags(): Promise<SaleFlag[]>;

  /** The store's customers whose name, email or phone match (all for ''), by name; offline. */
  useCustomers(query: string): Customer[] | undefined;
  /** One customer by id (null: not on this register), e.g. to name a conflict's record. */
  useCustomer(id: string): Customer | null | undefined;
  /**
   * Creates (no id) or edits a customer; only changed fields are sent. Rejects with
   * InvalidCustomer (src/app/db/customers.ts) for bad input, and then nothing is stored.
   */
  saveCustomer(edit: CustomerEdit): Promise<Customer>;

  /** Conflict inbox: keep what the merge kept, or write the other value back (one click). */
  keepConflict(id: string): Promise<void>;
  revertConflict(id: string): Promise<void>;
}
