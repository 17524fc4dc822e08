// @vitest-environment jsdom
// A parked order survives a reload (a new adapter over the same database) and is resumed once;
// a customer conflict in the sync center is settled by a manager either way with one click.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { applyPushResults } from '../../../../src/app/db/apply-push';
import { saveCustomer } from '../../../../src/app/db/customers';
import { ParkedList } from '../../../../src/app/features/parked/parked-list';
import { ConflictList } from '../../../../src/app/features/sync-center/conflict-list';
import type { ParkedOrder } from '../../../../src/shared/records/parked-order';
import { renderTill } from '../render-till';
import * as fixtures from '../fixtures';
import type { StoreOpsTill } from './store-ops-till';
import { reload, storeOpsTill } from './store-ops-till';

describe('parked orders', () => {
  it('shows an order parked before a reload and resumes it into the cart once', async () => {
    const first = await storeOpsTill();
    const p = first.fx.products[0]!;
    await first.data.storeOps.parkOrder({
      parkedBy: fixtures.cashier.id,
      note: 'table 4',
      lines: [{ productId: p.id, name: p.name, quantity: 2, unitPrice: p.price, discount: 0 }],
    });
    const till = await reload(first);
    const resumed = vi.fn<(o: ParkedOrder) => void>();
    const user = userEvent.setup();
    renderTill(<ParkedList onResume={resumed} />, { data: till.data });
    const item = (await screen.findByText('table 4')).closest('li')!;
    expect(item).toHaveTextContent('2 items');
    await user.click(within(item).getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(resumed).toHaveBeenCalledOnce());
    expect(resumed.mock.calls[0]?.[0].lines[0]?.quantity).toBe(2);
    expect(await screen.findByText('No parked orders.')).toBeInTheDocument();
    expect((await till.db.outbox.toArray()).map((e) => e.payload)).toMatchObject([
      { status: 'parked' },
      { status: 'resumed' },
    ]);
  });
});

/** This till renamed a customer while the server kept another name: a conflict. */
async function conflicted(till: StoreOpsTill) {
  const customer = await saveCustomer(till.db, { fields: { name: 'Anna Local' } });
  const [entry] = await till.db.outbox.toArray();
  const server = {
    id: customer.id,
    storeId: customer.storeId,
    name: 'Anna Server',
    email: null,
    phone: null,
    note: null,
    stamps: { name: '999999999999999:0000:server' },
  };
  await applyPushResults(
    till.db,
    [entry!],
    [{ id: entry!.id, status: 'merged', record: server }],
    new Date().toISOString(),
  );
  return customer.id;
}

describe('customer conflicts', () => {
  it('a manager reverts to the other value with one click, and it is queued for the server', async () => {
    const till = await storeOpsTill();
    const id = await conflicted(till);
    const user = userEvent.setup();
    renderTill(<ConflictList />, { data: till.data, user: fixtures.manager });
    const row = (await screen.findByText('Anna Server')).closest('tr')!;
    expect(row).toHaveTextContent('Anna Local');
    await user.click(within(row).getByRole('button', { name: 'Use the other value' }));
    expect(await screen.findByText('No conflicts.')).toBeInTheDocument();
    expect((await till.db.customers.get(id))?.name).toBe('Anna Local');
    const queued = await till.db.outbox.toArray();
    expect(queued.map((e) => [e.kind, (e.payload as { fields: unknown }).fields])).toEqual([
      ['customer.upsert', { name: 'Anna Local' }],
    ]);
  });

  it('a manager keeps the merged value, and nothing is sent', async () => {
    const till = await storeOpsTill();
    const id = await conflicted(till);
    const user = userEvent.setup();
    renderTill(<ConflictList />, { data: till.data, user: fixtures.manager });
    const row = (await screen.findByText('Anna Server')).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Keep' }));
    expect(await screen.findByText('No conflicts.')).toBeInTheDocument();
    expect((await till.db.customers.get(id))?.name).toBe('Anna Server');
    expect(await till.db.outbox.count()).toBe(0);
  });

  it('offers a cashier no way to settle a conflict', async () => {
    const till = await storeOpsTill();
    await conflicted(till);
    renderTill(<ConflictList />, { data: till.data });
    await screen.findByText('Anna Server');
    expect(screen.queryByRole('button', { name: 'Keep' })).toBeNull();
  });
});
