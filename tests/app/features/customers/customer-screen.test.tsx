// @vitest-environment jsdom
// The customer screen at the till, over a real register database (fake-indexeddb): search by
// name, email or phone; create; edit (only what changed is sent); bad input refused in words
// with what was typed kept and nothing stored; and a customer attached to the sale from the
// sell screen's "Customer" button.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReducer } from 'react';
import { describe, expect, it } from 'vitest';
import { saveCustomer } from '../../../../src/app/db/customers';
import { CustomerScreen } from '../../../../src/app/features/customers/customer-screen';
import { cartReducer, emptyCart } from '../../../../src/app/features/sell/cart';
import { StoreOpsBar } from '../../../../src/app/features/sell/store-ops-bar';
import type { StoreOpsData } from '../../../../src/app/features/store-ops-data';
import { renderTill } from '../render-till';
import type { StoreOpsTill } from '../store-ops/store-ops-till';
import { storeOpsTill } from '../store-ops/store-ops-till';

async function withCustomers(): Promise<StoreOpsTill> {
  const till = await storeOpsTill();
  await saveCustomer(till.db, {
    fields: { name: 'Anna Berg', email: 'anna@berg.de', phone: '+49 30 1234567' },
  });
  await saveCustomer(till.db, { fields: { name: 'Ben Carter', email: 'ben@carter.com' } });
  await saveCustomer(till.db, { fields: { name: 'Zoe Ball', phone: '0171 555 0199' } });
  return till;
}

function renderScreen(till: StoreOpsTill) {
  const attached: { id: string; name: string }[] = [];
  renderTill(
    <CustomerScreen attached={null} onAttach={(c) => attached.push(c)} onDetach={() => {}} />,
    { data: till.data },
  );
  return attached;
}

const names = () =>
  within(screen.getByRole('list', { name: 'Customers' }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('strong')?.textContent);

const rowOf = async (name: string) => (await screen.findByText(name)).closest('li')!;

describe('the customer screen', () => {
  it('finds customers by name, email or phone, offline from the local table', async () => {
    const till = await withCustomers();
    const user = userEvent.setup();
    renderScreen(till);
    await waitFor(() => expect(names()).toEqual(['Anna Berg', 'Ben Carter', 'Zoe Ball']));
    const search = screen.getByLabelText('Search by name, email or phone');
    await user.type(search, 'carter');
    await waitFor(() => expect(names()).toEqual(['Ben Carter']));
    await user.clear(search);
    await user.type(search, '555 0199');
    await waitFor(() => expect(names()).toEqual(['Zoe Ball']));
    await user.clear(search);
    await user.type(search, 'nobody');
    expect(await screen.findByText('No customer found.')).toBeInTheDocument();
  });

  it('creates a customer, queued for the server, and lists it', async () => {
    const till = await storeOpsTill();
    const user = userEvent.setup();
    renderScreen(till);
    await user.click(await screen.findByRole('button', { name: 'New customer' }));
    const form = screen.getByRole('form', { name: 'New customer' });
    await user.type(within(form).getByLabelText('Name'), 'Carla Diaz');
    await user.type(within(form).getByLabelText('Email'), 'carla@diaz.es');
    await user.type(within(form).getByLabelText('Phone'), '030 998877');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Carla Diaz is saved here');
    await waitFor(() => expect(names()).toEqual(['Carla Diaz']));
    const [stored] = await till.db.customers.toArray();
    expect(stored).toMatchObject({
      name: 'Carla Diaz',
      email: 'carla@diaz.es',
      phone: '030 998877',
      note: null,
    });
    expect((await till.db.outbox.toArray()).map((e) => [e.kind, e.recordId])).toEqual([
      ['customer.upsert', stored!.id],
    ]);
  });

  it('edits a customer and sends only the changed field', async () => {
    const till = await withCustomers();
    const user = userEvent.setup();
    renderScreen(till);
    await user.click(within(await rowOf('Ben Carter')).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit Ben Carter' });
    expect(within(form).getByLabelText('Email')).toHaveValue('ben@carter.com');
    await user.type(within(form).getByLabelText('Note'), 'Prefers paper receipts');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await screen.findByRole('status');
    const ben = (await till.db.customers.toArray()).find((c) => c.name === 'Ben Carter');
    expect(ben).toMatchObject({ email: 'ben@carter.com', note: 'Prefers paper receipts' });
    const last = (await till.db.outbox.toArray()).at(-1);
    expect(last?.kind === 'customer.upsert' && last.payload.fields).toEqual({
      note: 'Prefers paper receipts',
    });
  });

  it('keeps a field another register changed while the form was open', async () => {
    const till = await withCustomers();
    const user = userEvent.setup();
    renderScreen(till);
    await user.click(within(await rowOf('Ben Carter')).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit Ben Carter' });
    // A pull brings Ben's new email meanwhile.
    const ben = (await till.db.customers.toArray()).find((c) => c.name === 'Ben Carter')!;
    await till.db.customers.put({ ...ben, email: 'ben@new.com' });
    await user.type(within(form).getByLabelText('Phone'), '0301234');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await screen.findByRole('status');
    expect(await till.db.customers.get(ben.id)).toMatchObject({
      email: 'ben@new.com',
      phone: '0301234',
    });
  });

  it('refuses bad input in words, keeps what was typed and stores nothing', async () => {
    const till = await withCustomers();
    const before = await till.db.customers.toArray();
    const queued = await till.db.outbox.count();
    const user = userEvent.setup();
    renderScreen(till);
    await user.click(within(await rowOf('Anna Berg')).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit Anna Berg' });
    const email = within(form).getByLabelText('Email');
    await user.clear(email);
    await user.type(email, 'anna at berg');
    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Anna B.');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Email: This is not an email address',
    );
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveValue('anna at berg');
    expect(within(form).getByLabelText('Name')).toHaveValue('Anna B.');

    await user.click(within(form).getByRole('button', { name: 'Back to the list' }));
    await user.click(screen.getByRole('button', { name: 'New customer' }));
    const blank = screen.getByRole('form', { name: 'New customer' });
    await user.type(within(blank).getByLabelText('Name'), '   ');
    await user.click(within(blank).getByRole('button', { name: 'Save' }));
    expect(await within(blank).findByRole('alert')).toHaveTextContent('Name: Enter a name.');

    expect(await till.db.customers.toArray()).toEqual(before);
    expect(await till.db.outbox.count()).toBe(queued);
  });
});

function SellHarness(props: { ops: StoreOpsData }) {
  const [cart, dispatch] = useReducer(cartReducer, emptyCart);
  return (
    <>
      <output aria-label="cart customer">
        {cart.customer ? JSON.stringify(cart.customer) : ''}
      </output>
      <StoreOpsBar ops={props.ops} cart={cart} dispatch={dispatch} onDialog={() => undefined} />
    </>
  );
}

describe('a customer on the sale', () => {
  it('is attached from the Customer button, shown on it, and can be taken off again', async () => {
    const till = await withCustomers();
    const anna = (await till.db.customers.toArray()).find((c) => c.name === 'Anna Berg')!;
    const user = userEvent.setup();
    renderTill(<SellHarness ops={till.data.storeOps} />, { data: till.data });
    await user.click(screen.getByRole('button', { name: 'Customer' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Search by name, email or phone'), 'anna');
    await waitFor(() => expect(names()).toEqual(['Anna Berg']));
    await user.click(
      within(await rowOf('Anna Berg')).getByRole('button', { name: 'Attach to sale' }),
    );

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(JSON.parse(screen.getByLabelText('cart customer').textContent)).toEqual({
      id: anna.id,
      name: 'Anna Berg',
    });
    await user.click(screen.getByRole('button', { name: 'Customer: Anna Berg' }));
    const row = await rowOf('Anna Berg');
    expect(row).toHaveTextContent('On this sale');
    await user.click(within(row).getByRole('button', { name: 'Remove from sale' }));
    await waitFor(() => expect(screen.getByLabelText('cart customer')).toHaveTextContent(''));
    expect(within(row).getByRole('button', { name: 'Attach to sale' })).toBeInTheDocument();
  });
});
