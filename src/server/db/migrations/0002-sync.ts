// The sync protocol: the dedupe ledger of pushed mutations, seq tracking per device, sales with
// their lines and payments, stock movements and the stock levels they sum to, customers, the
// flags managers review, and the horizon below which purged tombstones make a cursor too old.
// Tables registers pull carry `xid` + `deleted` and the till_touch trigger, like 0001's.
const synced = `
  xid xid8 not null default pg_current_xact_id(),
  deleted boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;

const touch = (table: string) => `
  create trigger ${table}_touch before update on ${table}
    for each row execute function till_touch();`;

export const sync = `
-- One row per (device, mutation id), forever: a retry finds it and changes nothing.
-- 'pending' only exists inside the applying transaction; committed rows have a final status.
create table applied_mutations (
  device_id uuid not null,
  mutation_id uuid not null,
  seq bigint not null,
  kind text not null,
  payload_hash text not null,
  status text not null check (status in ('pending', 'applied', 'duplicate', 'merged', 'rejected')),
  result jsonb,
  store_id uuid not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (device_id, mutation_id)
);
create index applied_mutations_seq on applied_mutations (device_id, seq);

-- Every seq from 1 to contiguous has arrived; gaps are the missing seqs above it.
create table device_seq (
  device_id uuid primary key,
  store_id uuid not null,
  contiguous bigint not null default 0,
  max_seq bigint not null default 0,
  last_push_at timestamptz not null default now()
);
create index device_seq_store on device_seq (store_id);

-- Sales are facts from the registers: no foreign keys to the catalog, whose rows may be
-- purged later; the references were checked when the sale was applied.
create table sales (
  id uuid primary key,
  store_id uuid not null references stores(id),
  register_id uuid not null references registers(id),
  device_id uuid not null,
  mutation_id uuid not null,
  payload_hash text not null,
  shift_id uuid,
  cashier_id uuid not null,
  receipt_number text not null,
  device_time timestamptz not null,
  hlc text not null,
  prices_include_tax boolean not null,
  order_discount bigint not null,
  subtotal bigint not null,
  discount bigint not null,
  tax bigint not null,
  rounding bigint not null,
  total bigint not null,
  -- The sale as the register sent it (validated), which is what registers pull back.
  record jsonb not null,${synced},
  unique (register_id, receipt_number)
);
${touch('sales')}
create index sales_register_xid on sales (register_id, xid, id);

create table sale_lines (
  id uuid primary key,
  sale_id uuid not null references sales(id),
  line_no integer not null,
  product_id uuid not null,
  name text not null,
  quantity bigint not null,
  unit_price bigint not null,
  discount bigint not null,
  tax_rate_id uuid not null,
  tax_basis_points integer not null,
  total bigint not null,
  tax bigint not null,
  original_price bigint,
  approved_by uuid,
  unique (sale_id, line_no)
);

create table sale_payments (
  id uuid primary key,
  sale_id uuid not null references sales(id),
  payment_no integer not null,
  method_id uuid not null,
  kind text not null,
  amount bigint not null,
  tendered bigint,
  change bigint,
  unique (sale_id, payment_no)
);

create table stock_counts (
  id uuid primary key,
  store_id uuid not null references stores(id),
  counted_by uuid not null,
  device_time timestamptz not null,
  payload_hash text not null,
  created_at timestamptz not null default now()
);

-- Stock on hand is the sum of these; stock_levels keeps that sum per store and product.
create table stock_movements (
  id uuid primary key default gen_random_uuid(),
  store_id uuid not null references stores(id),
  product_id uuid not null,
  delta bigint not null,
  reason text not null check (reason in ('sale', 'count', 'receipt')),
  sale_id uuid references sales(id),
  sale_line_id uuid,
  stock_count_id uuid references stock_counts(id),
  created_at timestamptz not null default now()
);
create index stock_movements_product on stock_movements (store_id, product_id);

create table stock_levels (
  store_id uuid not null references stores(id),
  product_id uuid not null,
  on_hand bigint not null default 0,${synced},
  primary key (store_id, product_id)
);
${touch('stock_levels')}
create index stock_levels_xid on stock_levels (store_id, xid, product_id);

create table customers (
  id uuid primary key,
  store_id uuid not null references stores(id),
  name text not null,
  email text,
  phone text,
  note text,
  -- The HLC stamp of the last write of each field: per-field last-writer-wins.
  stamps jsonb not null default '{}',${synced}
);
${touch('customers')}
create index customers_xid on customers (store_id, xid, id);

create table sale_flags (
  id uuid primary key default gen_random_uuid(),
  store_id uuid not null references stores(id),
  sale_id uuid not null references sales(id),
  kind text not null check (kind in ('oversell', 'priceDrift')),
  product_id uuid not null,
  details jsonb not null,
  created_at timestamptz not null default now()
);
create index sale_flags_store on sale_flags (store_id, created_at desc);

-- The highest xid of a tombstone ever purged: a cursor at or below it may have missed a delete.
create table sync_horizon (
  singleton boolean primary key default true check (singleton),
  purged_through xid8,
  purged_at timestamptz
);
insert into sync_horizon default values;

-- Pull pages walk each table by (xid, id) within the device's store.
create index products_store_xid on products (store_id, xid, id);
create index categories_store_xid on categories (store_id, xid, id);
create index tax_rates_store_xid on tax_rates (store_id, xid, id);
create index payment_methods_store_xid on payment_methods (store_id, xid, id);
create index registers_store_xid on registers (store_id, xid, id);
`;
