// The catalog in memory: barcode and SKU lookups by Map, name-or-SKU search over a name-sorted
// array. Built once from the block log and kept current by folding in new entries, so a scan or
// a keystroke never waits for IndexedDB. The maps are filled at once (a scan can be answered as
// soon as the catalog is read); the sorted search rows only at the first search (or `warm()`),
// taken up from the rows saved at an earlier start (`SavedRows`) where they still fit, since
// building them for 100,000 products costs about a second.
import type { Product } from '../../shared/records/catalog';
import type { LogEntry } from './records';

/** Printable ASCII has no accents to take off: NFD leaves it unchanged, so skip that (costly) step. */
const ASCII = /^[ -~\s]*$/;

/** Lower case, accents removed, runs of space made one: "Crème  Brûlée" → "creme brulee". */
export function normalizeText(text: string): string {
  const bare = ASCII.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '');
  return bare.toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Row {
  haystack: string;
  product: Product;
  /** Normalized name, then the id, so the order is total (made when first needed). */
  key?: string;
}

/**
 * The search rows as saved for the next start: the products' ids in row order and the scan text
 * (each row's haystack), both joined by newlines; neither holds one inside.
 */
export interface SavedRows {
  ids: string;
  text: string;
}

/**
 * Saved rows and the products that changed since they were saved: those rows are made again
 * from the catalog, the others taken as saved.
 */
export interface RowsToRestore {
  saved: SavedRows;
  changed: ReadonlySet<string>;
}

/**
 * Changed products up to which sorted rows (in memory or saved) are patched in place; more, and
 * they are sorted afresh.
 */
const MAX_PATCHED = 2_000;

const rowKey = (p: Product) => `${normalizeText(p.name)}\u0000${p.id}`;

/** The name is normalized once for both the sort key and the haystack (a cold start makes 100,000). */
function rowOf(product: Product): Row {
  const name = normalizeText(product.name);
  return {
    key: `${name}\u0000${product.id}`,
    // No newline inside (they separate rows in the scan text); a typed word has no space.
    haystack: `${name} ${product.sku.toLowerCase().replace(/\s+/g, ' ')}`,
    product,
  };
}

/** The row whose haystack holds offset `at`: the last start at or before it. */
function rowAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const keyOf = (row: Row): string => (row.key ??= rowKey(row.product));

/** Where each haystack starts in the scan text (they are joined by one newline). */
function startsOf(haystacks: readonly string[]): Int32Array {
  const starts = new Int32Array(haystacks.length);
  let at = 0;
  haystacks.forEach((h, i) => {
    starts[i] = at;
    at += h.length + 1;
  });
  return starts;
}

function lowerBound(rows: readonly Row[], key: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const row = rows[mid];
    if (row && keyOf(row) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class CatalogIndex {
  private byId = new Map<string, Product>();
  private readonly byBarcode = new Map<string, Product>();
  /** Built at the first SKU lookup (a scan needs only the barcodes). */
  private bySku: Map<string, Product> | null = null;
  /** Null until a search needs them (and again after a bulk change). */
  private rows: Row[] | null = null;
  /**
   * Every row's haystack joined by newlines, in row order, with each row's offset: one
   * indexOf over a few MB finds the next candidate far faster than a test per row (a search
   * that matches nothing looks at all 100,000). Built at the first search after a change.
   */
  private scan: { text: string; starts: Int32Array } | null = null;
  /** Rows saved at an earlier start, taken up when the rows are first needed. */
  private toRestore: { saved: SavedRows; changed: Set<string> } | null = null;
  /** Whether the rows are the saved ones, unchanged (saving them again would change nothing). */
  private asSaved = false;
  /**
   * Rows taken up as saved and not yet made: row i (a hole in `rows` until a search reaches it)
   * is the product `ids[i]` with haystack `haystacks[i]`. A start then pays two splits, not a
   * hundred thousand lookups; every row is made before the first change is folded in.
   */
  private unmade: { ids: string[]; haystacks: string[] } | null = null;

  constructor(products: Iterable<Product> = []) {
    for (const p of products) this.index(p);
  }

  /**
   * An index over `byId` (product by id), which it takes over: the caller must not keep it. Its
   * search rows are taken from `rows` at the first search, if they fit the products.
   */
  static adopt(byId: Map<string, Product>, rows?: RowsToRestore): CatalogIndex {
    const index = new CatalogIndex();
    for (const p of byId.values()) {
      for (const code of p.barcodes) index.byBarcode.set(code, p);
    }
    index.byId = byId;
    if (rows) index.toRestore = { saved: rows.saved, changed: new Set(rows.changed) };
    return index;
  }

  /** Builds what the first search needs now (e.g. while the till is idle). */
  warm(): void {
    this.skus();
    this.scanText();
  }

  private skus(): Map<string, Product> {
    if (!this.bySku) {
      this.bySku = new Map();
      for (const p of this.byId.values()) this.bySku.set(p.sku.toLowerCase(), p);
    }
    return this.bySku;
  }

  private sortedRows(): Row[] {
    if (this.rows) return this.rows;
    const restore = this.toRestore;
    this.toRestore = null;
    this.rows = (restore && this.restored(restore)) ?? this.builtRows();
    return this.rows;
  }

  private builtRows(): Row[] {
    this.asSaved = false;
    return [...this.byId.values()].map(rowOf).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  }

  /**
   * The saved rows with those of changed products made again, or null where they do not fit the
   * catalog (then the rows are built afresh).
   */
  private restored({ saved, changed }: { saved: SavedRows; changed: Set<string> }): Row[] | null {
    if (changed.size > MAX_PATCHED || this.byId.size === 0) return null;
    const ids = saved.ids.split('\n');
    const haystacks = saved.text.split('\n');
    if (ids.length !== haystacks.length) return null;
    if (changed.size === 0) return this.takenUp(saved.text, ids, haystacks);
    const rows: Row[] = [];
    for (const [i, id] of ids.entries()) {
      if (changed.has(id)) continue;
      const product = this.byId.get(id);
      if (!product) return null;
      rows.push({ haystack: haystacks[i] ?? '', product });
    }
    const fresh: Row[] = [];
    for (const id of changed) {
      const product = this.byId.get(id);
      if (product) fresh.push(rowOf(product));
    }
    if (rows.length + fresh.length !== this.byId.size) return null;
    for (const row of fresh) rows.splice(lowerBound(rows, keyOf(row)), 0, row);
    this.asSaved = false;
    return rows;
  }

  /**
   * Saved rows of an unchanged catalog, taken up as they are: each row is made when a search
   * first reaches it. Where one names a product the catalog does not hold, the search that
   * reaches it builds the rows afresh (`row`); a few are looked up now to catch most of that.
   */
  private takenUp(text: string, ids: string[], haystacks: string[]): Row[] | null {
    if (ids.length !== this.byId.size) return null;
    const step = Math.max(1, Math.floor(ids.length / 64));
    for (let i = 0; i < ids.length; i += step) if (!this.byId.has(ids[i] ?? '')) return null;
    this.unmade = { ids, haystacks };
    this.scan = { text, starts: startsOf(haystacks) };
    this.asSaved = true;
    return new Array<Row>(ids.length);
  }

  /** Row i of the sorted rows, made now if it was taken up unmade; undefined if it cannot be. */
  private row(rows: Row[], i: number): Row | undefined {
    const made = rows[i];
    if (made || !this.unmade) return made;
    const product = this.byId.get(this.unmade.ids[i] ?? '');
    if (!product) return undefined;
    return (rows[i] = { haystack: this.unmade.haystacks[i] ?? '', product });
  }

  /** Makes every row taken up unmade (before a change is folded in); false if one cannot be. */
  private makeAll(): boolean {
    const rows = this.rows;
    if (!rows || !this.unmade) return true;
    for (let i = 0; i < rows.length; i++) if (!this.row(rows, i)) return false;
    this.unmade = null;
    return true;
  }

  /** Forgets the rows (and the scan text): they are built afresh when next needed. */
  private dropRows(): void {
    this.rows = null;
    this.scan = null;
    this.unmade = null;
    this.asSaved = false;
  }

  /** The rows to save for the next start, and whether they differ from the ones saved. */
  rowsToSave(): { rows: SavedRows; changed: boolean } {
    const { text } = this.scanText();
    const ids = this.unmade
      ? this.unmade.ids.join('\n')
      : this.sortedRows()
          .map((r) => r.product.id)
          .join('\n');
    return { rows: { ids, text }, changed: !this.asSaved };
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Product | undefined {
    return this.byId.get(id);
  }

  lookupBarcode(code: string): Product | undefined {
    return this.byBarcode.get(code.trim());
  }

  lookupSku(sku: string): Product | undefined {
    return this.skus().get(sku.trim().toLowerCase());
  }

  /**
   * Active products whose name and SKU contain every word typed, in name order; an exact
   * barcode or SKU hit comes first.
   */
  search(query: string, limit = 20): Product[] {
    const q = normalizeText(query);
    if (!q || limit <= 0) return [];
    const words = q.split(' ');
    const hits: Product[] = [];
    const exact = this.lookupBarcode(query) ?? this.lookupSku(query);
    if (exact?.active) hits.push(exact);
    // The longest word is likely the rarest: it picks the candidates, the others confirm them.
    const lead = words.reduce((a, b) => (b.length > a.length ? b : a));
    const { text, starts } = this.scanText();
    const rows = this.sortedRows();
    for (let from = 0; hits.length < limit;) {
      const at = text.indexOf(lead, from);
      if (at < 0) break;
      const i = rowAt(starts, at);
      const row = this.row(rows, i);
      if (!row) {
        // A saved row naming a product this catalog does not hold: the saved rows do not fit.
        if (!this.unmade) break;
        this.dropRows();
        return this.search(query, limit);
      }
      if (
        row.product !== exact &&
        row.product.active &&
        words.every((w) => row.haystack.includes(w))
      )
        hits.push(row.product);
      from = (starts[i] ?? 0) + row.haystack.length + 1;
    }
    return hits;
  }

  private scanText(): { text: string; starts: Int32Array } {
    const rows = this.sortedRows(); // (rows taken up as saved come with their scan text)
    if (this.scan) return this.scan;
    const haystacks = rows.map((r) => r.haystack);
    this.scan = { text: haystacks.join('\n'), starts: startsOf(haystacks) };
    return this.scan;
  }

  /** Folds log entries in: an update replaces the product, a null value removes it. */
  apply(entries: readonly LogEntry<Product>[]): void {
    for (const entry of entries) this.toRestore?.changed.add(entry.id);
    // Many changes at once (a resync page): one sort at the next search beats thousands of
    // splices now. Rows taken up unmade are made first, while the products are as saved.
    if (entries.length > MAX_PATCHED || !this.makeAll()) this.dropRows();
    this.scan = null;
    this.asSaved = false;
    const rows = this.rows;
    for (const entry of entries) {
      const previous = this.byId.get(entry.id);
      if (previous) this.unindex(previous, rows);
      if (entry.value) {
        this.index(entry.value);
        rows?.splice(lowerBound(rows, rowKey(entry.value)), 0, rowOf(entry.value));
      }
    }
  }

  private index(p: Product): void {
    this.byId.set(p.id, p);
    for (const code of p.barcodes) this.byBarcode.set(code, p);
    this.bySku?.set(p.sku.toLowerCase(), p);
  }

  private unindex(p: Product, rows: Row[] | null): void {
    this.byId.delete(p.id);
    for (const code of p.barcodes)
      if (this.byBarcode.get(code)?.id === p.id) this.byBarcode.delete(code);
    const sku = p.sku.toLowerCase();
    if (this.bySku?.get(sku)?.id === p.id) this.bySku.delete(sku);
    if (rows) {
      const at = lowerBound(rows, rowKey(p));
      if (rows[at]?.product.id === p.id) rows.splice(at, 1);
    }
  }
}
