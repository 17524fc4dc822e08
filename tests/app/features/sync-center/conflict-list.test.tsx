// @vitest-environment jsdom
// The conflict inbox in the sync center: both values of a customer field both sides changed,
// in words (which record, which field, which value was kept); only a manager settles it, and a
// conflict settled meanwhile (another tab) says so instead of failing silently.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { applyPushResults } from '../../../../src/app/db/apply-push';
import { saveCustomer } from '../../../../src/app/db/customers';
import { ConflictList } from '../../../../src/app/features/sync-center/conflict-list';
import { renderTill } from '../render-till';
import * as fixtures from '../fixtures';
import type { StoreOpsTill } from '../store-ops/store-ops-till';
import { storeOpsTill } from '../store-ops/store-ops-till';

/** This till set Ada's phone to 222 while the server kept 333 (a newer stamp). */
async function phoneConflict(till: StoreOpsTill) {
  const ada = await saveCustomer(till.db, { fields: { name: 'Ada', phone: '222' } });
  const [entry] = await till.db.outbox.toArray();
  const server = {
    ...ada,
    phone: '333',
    stamps: { ...ada.stamps, phone: '999999999999999:0000:server' },
  };
  await applyPushResults(
    till.db,
    [entry!],
    [{ id: entry!.id, status: 'merged', record: { ...server, base: undefined } }],
    new Date().toISOString(),
  );
  return ada.id;
}

describe('the conflict inbox', () => {
  it('shows the record, the field and both values, with where the kept one came from', async () => {
    const till = await storeOpsTill();
    await phoneConflict(till);
    renderTill(<ConflictList />, { data: till.data, user: fixtures.manager });
    const row = (await screen.findByText('Ada (Customer)')).closest('tr')!;
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual(['Ada (Customer)', 'Phone', '333 (from the server)', '222']);
  });

  it('gives a cashier the values but no way to settle them', async () => {
    const till = await storeOpsTill();
    await phoneConflict(till);
    renderTill(<ConflictList />, { data: till.data });
    const row = (await screen.findByText('Phone')).closest('tr')!;
    expect(row).toHaveTextContent('222');
    expect(within(row).queryAllByRole('button')).toEqual([]);
  });

  it('tells the manager when the conflict was settled meanwhile', async () => {
    const till = await storeOpsTill();
    await phoneConflict(till);
    // Another tab settles it between this list's last refresh and the click.
    const ops = till.data.storeOps;
    till.data.storeOps = {
      ...ops,
      revertConflict: async (id) => {
        await till.db.conflicts.delete(id);
        return ops.revertConflict(id);
      },
    };
    const user = userEvent.setup();
    renderTill(<ConflictList />, { data: till.data, user: fixtures.manager });
    const row = (await screen.findByText('Phone')).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Use the other value' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('settled already');
    expect(await screen.findByText('No conflicts.')).toBeInTheDocument();
    expect(await till.db.outbox.count()).toBe(0);
  });
});
