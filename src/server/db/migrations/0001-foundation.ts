// Stores, registers, devices, users, the catalog, auth and the server epoch.
// Every table registers pull carries `xid` (the writing transaction, kept current by the
// till_touch trigger, whoever writes) and a `deleted` tombstone.
const synced = `
  xid xid8 not null default pg_current_xact_id(),
  deleted boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;

const touch = (table: string) => `
  create trigger ${table}_touch before update on ${table}
    for each row execute function till_touch();
  create index ${table}_xid on ${table} (xid);`;

export const foundation = `
create table server_meta (
  singleton boolean primary key default true check (singleton),
  epoch uuid not null default gen_random_uuid(),
  jwt_secret text,
  created_at timestamptz not null default now()
);
insert into server_meta default values;

create function till_touch() returns trigger language plpgsql as $$
begin
  new.xid := pg_current_xact_id();
  new.updated_at := now();
  return new;
end $$;

create table stores (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9]+$'),
  name text not null,
  currency char(3) not null,
  locale text not null,
  prices_include_tax boolean not null,
  cash_rounding integer not null default 1 check (cash_rounding >= 1),${synced}
);
${touch('stores')}

create table registers (
  id uuid primary key default gen_random_uuid(),
  store_id uuid not null references stores(id),
  code text not null check (code ~ '^[A-Z0-9]+$'),
  name text not null,${synced},
  unique (store_id, code)
);
${touch('registers')}

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  name text not null,
  role text not null check (role in ('cashier', 'manager', 'admin')),
  store_id uuid not null references stores(id),
  password_hash text not null,${synced}
);
${touch('users')}

create table devices (
  id uuid primary key,
  store_id uuid not null references stores(id),
  register_id uuid references registers(id),
  last_user_id uuid references users(id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
create unique index devices_register on devices (register_id) where register_id is not null;

create table categories (
  id uuid primary key default gen_random_uuid(),
  store_id uuid not null references stores(id),
  name text not null,
  sort_order integer not null default 0,${synced}
);
${touch('categories')}

create table tax_rates (
  id uuid primary key default gen_random_uuid(),
  store_id uuid not null references stores(id),
  name text not null,
  basis_points integer not null check (basis_points between 0 and 10000),${synced}
);
${touch('tax_rates')}

create table payment_methods (
  id uuid primary key default gen_random_uuid(),
  store_id uuid not null references stores(id),
  code text not null,
  name text not null,
  kind text not null check (kind in ('cash', 'card', 'other')),${synced},
  unique (store_id, code)
);
${touch('payment_methods')}

create table products (
  id uuid primary key default gen_random_uuid(),
  store_id uuid not null references stores(id),
  sku text not null,
  barcodes text[] not null default '{}',
  name text not null,
  price bigint not null check (price >= 0),
  tax_rate_id uuid not null references tax_rates(id),
  category_id uuid references categories(id),
  active boolean not null default true,
  stock_tracked boolean not null default true,${synced},
  unique (store_id, sku)
);
${touch('products')}
create index products_store_id on products (store_id, id);

create table refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null,
  user_id uuid not null references users(id),
  device_id uuid not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index refresh_tokens_family on refresh_tokens (family_id);
`;
