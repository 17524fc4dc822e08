// What the bench page (bench-entry.ts, bundled and served next to the built app) offers the
// Node harness through `window.tillBench`. Every answer is plain data, so it crosses
// page.evaluate unchanged. Times are milliseconds from performance.now().

export interface FirstSyncInput {
  dbName: string;
  deviceId: string;
  username: string;
  password: string;
  registerId: string;
  /** The till can find any product once this barcode (the last product's) is found. */
  probeBarcode: string;
}

export interface FirstSyncResult {
  totalMs: number;
  loginMs: number;
  bindMs: number;
  /** flushOnce: push (empty) + every pull page applied. */
  pullMs: number;
  /** Time with a request waiting for its response headers (server + network); pages are applied meanwhile. */
  waitMs: number;
  /** The till's catalog cache taking the catalog the puller built (or reading the log), then the probe lookup. */
  loadMs: number;
  /** The search rows built and saved after it (the till does it when idle; not in totalMs). */
  rowsMs: number;
  pages: number;
  changes: number;
  products: number;
}

export interface ColdStartResult {
  /** From navigation start (performance.timeOrigin) to the first answered search. */
  sinceNavigationMs: number;
  /** From navigation start to the first answered barcode lookup (before the search rows are taken up). */
  scannableMs: number;
  /** From the bench script's start to the answer (open + read + index). */
  workMs: number;
  products: number;
}

export interface CatalogBreakdown {
  openMs: number;
  readMs: number;
  /** The id, barcode and SKU maps: what a scan needs. */
  mapsMs: number;
  /** The search rows: normalized names, the name sort, the scan text. */
  rowsMs: number;
  /** Reading the search rows saved after the first sync. */
  savedReadMs: number;
  /** Taking them up (with the maps made again) instead of building them. */
  restoreMs: number;
  products: number;
}

export interface CommitRun {
  app: number[];
  /** Raw IndexedDB, the goal's baseline: the sale, its pending stock and its outbox entry put. */
  raw: number[];
  /** Raw IndexedDB doing what recordSale does: four reads and four puts (the device too) at once. */
  rawSame: number[];
}

export interface LookupRun {
  barcodeApp: number[];
  barcodeMemory: number[];
  barcodeRaw: number[];
  searchApp: number[];
  searchMemory: number[];
  searchRaw: number[];
}

export interface DrainResult {
  sales: number;
  fillMs: number;
  drainMs: number;
  /** Time with a push waiting for its answer (server + network; an answer is applied meanwhile). */
  waitMs: number;
  /** Push requests sent. */
  batches: number;
  confirmed: number;
  rejected: number;
}

export interface TillBench {
  firstSync(input: FirstSyncInput): Promise<FirstSyncResult>;
  /** Raw IndexedDB: the products of `fromDb` written as blocks of 1,000, one strict transaction per 2,000. */
  rawWriteBlocks(fromDb: string, rawName: string): Promise<{ ms: number; products: number }>;
  coldStartApp(dbName: string, probeBarcode: string): Promise<ColdStartResult>;
  coldStartRaw(rawName: string): Promise<ColdStartResult>;
  /** Stores `count` synced sales (with a stock movement each) in the app's and the raw database. */
  fillSales(dbName: string, rawName: string, count: number): Promise<{ ms: number }>;
  commits(dbName: string, rawName: string, count: number, cashierId: string): Promise<CommitRun>;
  /** Raw IndexedDB: one record per product with a unique barcode index (the lookup baseline). */
  rawProductStore(fromDb: string, rawName: string): Promise<{ ms: number }>;
  lookups(dbName: string, rawName: string, count: number): Promise<LookupRun>;
  drain(dbName: string, username: string, password: string, count: number): Promise<DrainResult>;
  catalogBreakdown(dbName: string): Promise<CatalogBreakdown>;
  deleteDb(name: string): Promise<void>;
}

declare global {
  interface Window {
    tillBench?: TillBench;
    tillBenchCold?: Promise<ColdStartResult>;
    /** Set by the harness (page.exposeFunction) to profile one phase of a figure, e.g. the push of a drain. */
    tillBenchPhase?: (phase: 'drain:push' | 'drain:done') => Promise<void>;
  }
}
