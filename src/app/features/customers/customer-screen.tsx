// Customers at the till, offline: search the store's customers by name, email or phone (from
// the register's own copy), create one, edit one, and attach one to the sale being rung up.
// Saved customers go to the server through the outbox like a sale.
import { useState } from 'react';
import type { Customer } from '../../../shared/records/customer';
import { useT } from '../../i18n/i18n';
import { useStoreOps } from '../store-ops-context';
import { CustomerForm } from './customer-form';

/** What the sale keeps of its customer. */
export interface AttachedCustomer {
  id: string;
  name: string;
}

const SHOWN = 50;

export function CustomerScreen(props: {
  attached: AttachedCustomer | null;
  onAttach: (customer: AttachedCustomer) => void;
  onDetach: () => void;
}) {
  const t = useT();
  const ops = useStoreOps();
  const [query, setQuery] = useState('');
  // undefined: the list; null: a new customer; a customer: editing it.
  const [editing, setEditing] = useState<Customer | null | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const found = ops.useCustomers(query);

  if (editing !== undefined)
    return (
      <CustomerForm
        customer={editing}
        onBack={() => setEditing(undefined)}
        onSaved={(c) => {
          setEditing(undefined);
          setQuery(c.name);
          setSaved(t('customers.saved', { name: c.name }));
        }}
      />
    );

  return (
    <section aria-labelledby="customers-title" className="customer-screen">
      <h2 id="customers-title">{t('customers.title')}</h2>
      <div className="customer-search">
        <label className="search-label">
          {t('customers.search')}
          <input
            type="search"
            value={query}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value);
              setSaved(null);
            }}
          />
        </label>
        <button type="button" onClick={() => setEditing(null)}>
          {t('customers.new')}
        </button>
      </div>
      {saved && <p role="status">{saved}</p>}
      {found && found.length === 0 && <p className="muted">{t('customers.none')}</p>}
      {found && found.length > 0 && (
        <ul className="customer-list" aria-label={t('customers.title')}>
          {found.map((c) => {
            const onSale = props.attached?.id === c.id;
            return (
              <li key={c.id} aria-current={onSale || undefined}>
                <span>
                  <strong>{c.name}</strong>
                  {onSale && <em> · {t('customers.onSale')}</em>}
                  <span className="muted">{[c.email, c.phone].filter(Boolean).join(' · ')}</span>
                </span>
                <button type="button" className="secondary" onClick={() => setEditing(c)}>
                  {t('customers.edit')}
                </button>
                {onSale ? (
                  <button type="button" className="secondary" onClick={props.onDetach}>
                    {t('customers.detach')}
                  </button>
                ) : (
                  <button type="button" onClick={() => props.onAttach({ id: c.id, name: c.name })}>
                    {t('customers.attach')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {found && found.length >= SHOWN && (
        <p className="muted">{t('customers.more', { count: SHOWN })}</p>
      )}
    </section>
  );
}
