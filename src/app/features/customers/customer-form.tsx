// Creating or editing one customer. What was typed stays in the form when it is refused (the
// field at fault is marked and says why), and the stored customer is untouched until a save
// succeeds. Only fields typed over are saved, so an edit never overwrites or competes on others.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Customer, CustomerField } from '../../../shared/records/customer';
import { InvalidCustomer } from '../../db/customers';
import { useT } from '../../i18n/i18n';
import { errorText, useStoreOps } from '../store-ops-context';
import { invalidCustomerText } from './invalid-customer-text';

const FIELDS = ['name', 'email', 'phone', 'note'] as const satisfies readonly CustomerField[];
type Typed = Record<CustomerField, string>;

function typedOf(c: Customer | null): Typed {
  return { name: c?.name ?? '', email: c?.email ?? '', phone: c?.phone ?? '', note: c?.note ?? '' };
}

export function CustomerForm(props: {
  /** null: a new customer. */
  customer: Customer | null;
  onSaved: (saved: Customer) => void;
  onBack: () => void;
}) {
  const t = useT();
  const ops = useStoreOps();
  const id = useId();
  const [typed, setTyped] = useState<Typed>(() => typedOf(props.customer));
  const [problem, setProblem] = useState<{ field: CustomerField | null; text: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      // Only what was typed over: a field someone else changed meanwhile (a pull while the
      // form was open) keeps that newer value.
      const opened = typedOf(props.customer);
      const fields = props.customer
        ? Object.fromEntries(FIELDS.filter((f) => typed[f] !== opened[f]).map((f) => [f, typed[f]]))
        : typed;
      const saved = await ops.saveCustomer({
        ...(props.customer ? { id: props.customer.id } : {}),
        fields,
      });
      props.onSaved(saved);
    } catch (err) {
      setProblem(
        err instanceof InvalidCustomer
          ? { field: err.field, text: invalidCustomerText(err, t) }
          : { field: null, text: t('customers.notSaved', { message: errorText(err) }) },
      );
    } finally {
      setBusy(false);
    }
  }

  const title = props.customer
    ? t('customers.editTitle', { name: props.customer.name })
    : t('customers.new');
  return (
    <form
      className="form customer-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => void save(e)}
    >
      <h3>{title}</h3>
      {FIELDS.map((field) => {
        const wrong = problem?.field === field;
        const common = {
          value: typed[field],
          'aria-invalid': wrong || undefined,
          'aria-describedby': wrong ? `${id}-problem` : undefined,
        };
        const type = field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text';
        return (
          <label key={field}>
            {t(`customers.${field}`)}
            {field === 'note' ? (
              <textarea
                {...common}
                onChange={(e) => setTyped({ ...typed, note: e.target.value })}
              />
            ) : (
              <input
                {...common}
                type={type}
                autoComplete="off"
                data-autofocus={field === 'name' || undefined}
                onChange={(e) => setTyped({ ...typed, [field]: e.target.value })}
              />
            )}
          </label>
        );
      })}
      {problem && (
        <p role="alert" className="error" id={`${id}-problem`}>
          {problem.text}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onBack}>
          {t('customers.back')}
        </button>
        <button type="submit" disabled={busy}>
          {t('customers.save')}
        </button>
      </div>
    </form>
  );
}
