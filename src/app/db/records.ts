// The shapes this register keeps in IndexedDB. Wire shapes come from src/shared; what is added
// here is local bookkeeping (sync state, outbox order, the last copy agreed with the server).
import type { Mutation, MutationKind } from '../../shared/api/push';
import type { MutationErrorKind } from '../../shared/api/mutation-error';
import type { HlcState } from '../../shared/hlc';
import type { Customer } from '../../shared/records/customer';
import type { Sale } from '../../shared/records/sale';
import type { ShiftClose, ShiftOpen } from '../../shared/records/shift';
import type { CashMovement } from '../../shared/records/cash-movement';
import type { SaleVoid } from '../../shared/records/sale-void';
import type { ParkedOrder } from '../../shared/records/parked-order';
import type { FieldVersion } from '../../shared/sync/resolve';

/** pending: in the outbox; synced: the server confirmed it; rejected: in needs-attention. */
export type SaleSync = 'pending' | 'synced' | 'rejected';

/**
 * A sale as this register keeps it: never rewritten once committed (but for a retry after a
 * rejection, which gives it a new mutation). Its sync state is not stored on it but read from
 * where its mutation waits (sales.ts `saleSyncStates`): settling a pushed batch then costs the
 * outbox deletes alone.
 */
export interface LocalSale extends Sale {
  /**
   * The mutation that carries it, kept to push it again after a server restore; null for a
   * sale this register got back from the server (made by an earlier install).
   */
  mutationId: string | null;
  /** Its mutation's seq: the key of its outbox (or needs-attention) entry while it waits there. */
  seq: number | null;
  committedAt: string;
  /** A rejected sale a manager took out of needs-attention: it will not reach the server. */
  discarded?: { reason: string; approvedBy: string; at: string };
}

/** One product's stock moved by a sale (delta < 0 for units sold). */
export interface StockMove {
  productId: string;
  delta: number;
}

/**
 * The stock movements of one sale that the server has not confirmed yet, kept per sale under
 * its mutation's seq, so a confirmed batch removes them with the same range deletes as its
 * outbox entries. Stock on hand is the pulled level plus these (stock.ts).
 */
export interface PendingStock {
  seq: number;
  saleId: string;
  at: string;
  moves: StockMove[];
}

/** An outbox entry is a mutation as it will be pushed, plus what it is about. */
export type OutboxEntry = Mutation & {
  /** The id of the record the mutation writes (sale id, customer id, ...). */
  recordId: string;
  createdAt: string;
};

export interface NeedsAttentionEntry {
  seq: number;
  id: string;
  kind: MutationKind;
  recordId: string;
  mutation: OutboxEntry;
  error: { kind: MutationErrorKind; message: string };
  at: string;
}

export interface LocalConflict {
  id: string;
  entity: string;
  recordId: string;
  field: string;
  winner: FieldVersion;
  loser: FieldVersion;
  at: string;
}

export interface LocalCustomer extends Customer {
  /** The last copy both this register and the server agreed on (null: never synced). */
  base: Customer | null;
  /**
   * Set by push results: synced, or rejected (its edit waits in needs-attention). Absent after
   * a local edit or a pull: pending while the outbox holds an edit of it, else synced.
   */
  sync?: SaleSync;
}

/** The customer itself, without the local bookkeeping. */
export function customerOf(local: LocalCustomer): Customer {
  const { id, storeId, name, email, phone, note, stamps } = local;
  return { id, storeId, name, email, phone, note, stamps };
}

/** One entry of a block log: a record (or its deletion, value null) at a server version. */
export interface LogEntry<T> {
  id: string;
  version: string;
  value: T | null;
}

export interface LogBlock<T> {
  id: number;
  entries: LogEntry<T>[];
}

export interface DeviceMeta {
  key: 'device';
  deviceId: string;
  /** Random id of this database instance; the eviction marker names it. */
  instanceId: string;
  storeId: string | null;
  registerId: string | null;
  /** Gapless receipt counters per register id: the last number used. */
  receiptCounters: Record<string, number>;
  /** The seq the next mutation gets. */
  nextSeq: number;
  hlc: HlcState;
  /** Milliseconds to add to the device clock to agree with the server's Date header. */
  clockOffset: number;
  persistRequested: boolean;
}

/** The access token, shared by tabs and the service worker (short-lived by design). */
export interface SessionRecord {
  key: 'session';
  accessToken: string;
  expiresAt: number;
  userId: string;
}

export type MetaRecord = DeviceMeta | SessionRecord;

export interface ResyncProgress {
  /** Ids seen so far in this resync, per small entity (the rest are removed at its end). */
  seen: Record<string, string[]>;
  /** Per block log: the first block of the new snapshot and the entries stored before it. */
  logs: Record<string, { fromBlock: number; entriesBefore: number }>;
}

export interface SyncStateRecord {
  key: 'sync';
  cursor: string | null;
  epoch: string | null;
  lastPullAt: string | null;
  lastPushAt: string | null;
  lastSuccessAt: string | null;
  /** When the digest check last ran (absent: never). */
  lastDigestAt?: string | null;
  /** Set while a full resync runs (after a 410 or a new epoch). */
  resync: ResyncProgress | null;
}

export interface BlockLogMeta {
  key: `blocks:${string}`;
  /** Bumped whenever blocks are rewritten or removed, so in-memory readers reload. */
  generation: number;
  nextBlockId: number;
  /** Entries stored in all blocks, live or superseded. */
  entries: number;
}

export type SyncRecord = SyncStateRecord | BlockLogMeta;

/**
 * The catalog's search rows as of a position in the products log (a cache: the log is the
 * truth). A start takes them up instead of normalizing and sorting every name again.
 */
export interface SearchRowsRecord {
  log: 'products';
  /** Bumped when the rows' make-up changes (normalization, haystack): older ones are ignored. */
  format: number;
  generation: number;
  lastBlockId: number;
  lastBlockLength: number;
  ids: string;
  text: string;
}

/** A shift of this register: open until its close is recorded here. */
export interface LocalShift extends ShiftOpen {
  status: 'open' | 'closed';
  close: ShiftClose | null;
  /** pending until the server confirmed its open (and its close, once closed). */
  sync: SaleSync;
}

export type LocalCashMovement = CashMovement & { sync: SaleSync };
export type LocalSaleVoid = SaleVoid & { sync: SaleSync };
export type LocalParkedOrder = ParkedOrder & { sync: SaleSync };
