// @vitest-environment jsdom
// The shift screen: open with a float, cash out, X report, close with a count. Within the
// store's over/short limit the cashier closes alone; above it a manager must confirm, and the
// Z report shows the over/short and its two charts.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ShiftScreen } from '../../../../src/app/features/shift/shift-screen';
import { renderTill } from '../render-till';
import * as fixtures from '../fixtures';
import { storeOpsTill } from './store-ops-till';

async function openAndCashOut(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Float (counted cash in the drawer)'), '100');
  await user.click(screen.getByRole('button', { name: 'Open shift' }));
  await user.type(await screen.findByLabelText('Amount'), '20');
  await user.type(screen.getByLabelText('Reason'), 'to the bank');
  await user.click(screen.getByRole('button', { name: 'Record' }));
  await user.click(screen.getByRole('button', { name: 'X report' }));
  const x = await screen.findByRole('region', { name: 'X report' });
  await waitFor(() => expect(x).toHaveTextContent('Expected cash€80.00'));
}

describe('shift screen', () => {
  it('closes within the over/short limit without a manager and shows the Z report', async () => {
    const till = await storeOpsTill({ overShortLimit: 500 });
    const user = userEvent.setup();
    renderTill(<ShiftScreen />, { data: till.data });
    await openAndCashOut(user);
    await user.type(screen.getByLabelText('Counted cash'), '84');
    await user.click(screen.getByRole('button', { name: 'Close shift' }));
    const z = await screen.findByRole('region', { name: 'Z report' });
    expect(z).toHaveTextContent('Over/short€4.00');
    expect(screen.getByRole('img', { name: 'Takings by tender' })).toBeInTheDocument();
    expect((await till.db.outbox.toArray()).map((e) => e.kind)).toEqual([
      'shift.open',
      'cash.move',
      'shift.close',
    ]);
  });

  it('asks for a manager above the limit and keeps the shift open until one confirms', async () => {
    const till = await storeOpsTill({ overShortLimit: 500 });
    const user = userEvent.setup();
    renderTill(<ShiftScreen />, { data: till.data });
    await openAndCashOut(user);
    await user.type(screen.getByLabelText('Counted cash'), '70');
    expect(screen.getByText('-€10.00')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close shift' }));
    expect(await screen.findByText(/above the store limit of €5.00/)).toBeInTheDocument();
    expect(screen.getByLabelText('Manager password')).toBeInTheDocument();
    expect((await till.db.shifts.toArray())[0]?.status).toBe('open');
  });

  it('closes short with the signed-in manager confirming', async () => {
    const till = await storeOpsTill({ overShortLimit: 500 });
    const user = userEvent.setup();
    renderTill(<ShiftScreen />, { data: till.data, user: fixtures.manager });
    await openAndCashOut(user);
    await user.type(screen.getByLabelText('Counted cash'), '70');
    await user.click(screen.getByRole('button', { name: 'Close shift' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm and close' }));
    const z = await screen.findByRole('region', { name: 'Z report' });
    expect(z).toHaveTextContent('Over/short-€10.00');
    const shift = (await till.db.shifts.toArray())[0];
    expect(shift?.close?.confirmedBy).toBe(fixtures.manager.id);
    expect(shift?.close?.overShort).toBe(-1000);
  });

  it('says so when the server refused the open shift', async () => {
    const till = await storeOpsTill();
    const user = userEvent.setup();
    renderTill(<ShiftScreen />, { data: till.data });
    await user.type(await screen.findByLabelText('Float (counted cash in the drawer)'), '100');
    await user.click(screen.getByRole('button', { name: 'Open shift' }));
    await screen.findByRole('button', { name: 'X report' });
    expect(screen.queryByRole('alert')).toBeNull();
    await till.db.shifts.toCollection().modify({ sync: 'rejected' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server did not accept this shift.',
    );
  });
});
