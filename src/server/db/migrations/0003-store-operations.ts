// Store operations: shifts with their Z totals (the register's and the server's recompute),
// cash movements, refunds linked to their original sale and lines, voided sales, parked orders,
// late sales, and the store limits for over/short and refunds. Pulled-ready tables carry
// `xid` + `deleted` and the till_touch trigger, like 0001's and 0002's.
const synced = `
  xid xid8 not null default pg_current_xact_id(),
  deleted boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;

const touch = (table: string) => `
  create trigger ${table}_touch before update on ${table}
    for each row execute function till_touch();`;

export const storeOperations = `
alter table stores
  add column over_short_limit bigint not null default 1000 check (over_short_limit >= 0),
  add column refund_approval_limit bigint not null default 5000 check (refund_approval_limit >= 0);

create table shifts (
  id uuid primary key,
  store_id uuid not null references stores(id),
  register_id uuid not null references registers(id),
  device_id uuid not null,
  opened_by uuid not null,
  opened_at timestamptz not null,
  opening_float bigint not null,
  open_record jsonb not null,
  open_hash text not null,
  closed_at timestamptz,
  closed_by uuid,
  confirmed_by uuid,
  counted_cash bigint,
  expected_cash bigint,
  over_short bigint,
  close_record jsonb,
  close_hash text,
  -- The register's Z totals and the server's recompute at close; equal to the cent or flagged.
  register_totals jsonb,
  server_totals jsonb,
  totals_match boolean,
  closed_on_server_at timestamptz,${synced}
);
${touch('shifts')}
create index shifts_store on shifts (store_id, opened_at desc);
create index shifts_register_xid on shifts (register_id, xid, id);

create table cash_movements (
  id uuid primary key,
  store_id uuid not null references stores(id),
  register_id uuid not null references registers(id),
  shift_id uuid not null references shifts(id),
  kind text not null check (kind in ('in', 'out')),
  amount bigint not null check (amount > 0),
  reason text not null,
  user_id uuid not null,
  device_time timestamptz not null,
  payload_hash text not null,
  created_at timestamptz not null default now()
);
create index cash_movements_shift on cash_movements (shift_id);

-- A refund is its own negative sale, linked to the original sale and to the lines it returns.
alter table sales
  add column refund_of uuid references sales(id),
  add column refund_approved_by uuid,
  add column late boolean not null default false;
create index sales_refund_of on sales (refund_of) where refund_of is not null;
create index sales_shift on sales (shift_id) where shift_id is not null;
alter table sale_lines add column refund_of_line uuid;
create index sale_lines_refund_of_line on sale_lines (refund_of_line) where refund_of_line is not null;

create table sale_voids (
  id uuid primary key,
  store_id uuid not null references stores(id),
  register_id uuid not null references registers(id),
  shift_id uuid,
  cashier_id uuid not null,
  device_time timestamptz not null,
  total bigint not null,
  record jsonb not null,
  payload_hash text not null,
  created_at timestamptz not null default now()
);
create index sale_voids_shift on sale_voids (shift_id) where shift_id is not null;

create table parked_orders (
  id uuid primary key,
  store_id uuid not null references stores(id),
  register_id uuid not null references registers(id),
  shift_id uuid,
  status text not null check (status in ('parked', 'resumed', 'cancelled')),
  hlc text not null,
  record jsonb not null,${synced}
);
${touch('parked_orders')}
create index parked_orders_register_xid on parked_orders (register_id, xid, id);

-- Late sales: they reached the server after their shift was closed there; they keep the shift.
alter table sale_flags drop constraint sale_flags_kind_check;
alter table sale_flags add constraint sale_flags_kind_check
  check (kind in ('oversell', 'priceDrift', 'late'));
alter table sale_flags alter column product_id drop not null;
`;
