// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TillScreen } from '../../../../src/app/features/till/till-screen';
import { MemoryTillData } from '../memory-till-data';
import { renderTill } from '../render-till';
import { fakeLogin } from '../fake-login';
import * as fixtures from '../fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A till with two sales the server refused, the sync center open. */
async function openWithRejections(user: ReturnType<typeof userEvent.setup>, asManager = false) {
  const data = new MemoryTillData();
  const first = await data.seedSale();
  const second = await data.seedSale();
  data.reject(first.receiptNumber, 'TotalsMismatch', 'line 1: total 250, expected 249');
  data.reject(second.receiptNumber, 'NotFound', 'unknown product');
  renderTill(<TillScreen onSignedOut={vi.fn()} />, {
    data,
    user: asManager ? fixtures.manager : fixtures.cashier,
  });
  await user.click(screen.getByRole('button', { name: /Sync: Online, 2 need attention/ }));
  const center = await screen.findByRole('dialog', { name: 'Sync center' });
  return { data, center, first, second };
}

describe('needs attention in the sync center', () => {
  it('lists each refused item with its reason in words', async () => {
    const user = userEvent.setup();
    const { center, first, second } = await openWithRejections(user);
    expect(
      within(center).getByRole('heading', { name: 'Needs attention (2)' }),
    ).toBeInTheDocument();
    expect(within(center).getByRole('listitem', { name: first.receiptNumber })).toHaveTextContent(
      'The totals of this sale do not add up by the server’s rules.',
    );
    expect(within(center).getByRole('listitem', { name: second.receiptNumber })).toHaveTextContent(
      'Something it refers to is unknown to the server (a product, register or payment method).',
    );
  });

  it('retries an item: it goes back to the outbox', async () => {
    const user = userEvent.setup();
    const { data, center, first } = await openWithRejections(user);
    await user.click(within(center).getByRole('button', { name: `Retry ${first.receiptNumber}` }));
    expect(data.retried).toEqual([`m-${first.id}`]);
    expect(
      within(center).queryByRole('listitem', { name: first.receiptNumber }),
    ).not.toBeInTheDocument();
    expect(
      within(center).getByRole('heading', { name: 'Needs attention (1)' }),
    ).toBeInTheDocument();
    expect(
      within(center).getByRole('heading', { name: 'Waiting to be sent (1)' }),
    ).toBeInTheDocument();
  });

  it('lets a signed-in manager discard an item with the reason recorded', async () => {
    const user = userEvent.setup();
    const { data, first } = await openWithRejections(user, true);
    await user.click(screen.getByRole('button', { name: `Discard ${first.receiptNumber}` }));
    const dialog = screen.getByRole('dialog', { name: `Discard ${first.receiptNumber}` });
    expect(within(dialog).queryByLabelText('Manager password')).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Discard for good' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Write down why it is discarded.');
    expect(data.discarded).toEqual([]);

    await user.type(
      within(dialog).getByLabelText('Reason (recorded)'),
      'Test sale rung up by mistake',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Discard for good' }));
    await waitFor(() =>
      expect(data.discarded).toEqual([
        {
          id: `m-${first.id}`,
          reason: 'Test sale rung up by mistake',
          approvedBy: fixtures.manager.id,
        },
      ]),
    );
  });

  it('asks a cashier for a manager to sign in on the dialog before discarding', async () => {
    const user = userEvent.setup();
    const calls = fakeLogin({
      manager1: { password: 'demo', user: fixtures.manager },
      cashier1: { password: 'demo', user: fixtures.cashier },
    });
    const { data, first } = await openWithRejections(user);
    await user.click(screen.getByRole('button', { name: `Discard ${first.receiptNumber}` }));
    const dialog = screen.getByRole('dialog', { name: `Discard ${first.receiptNumber}` });
    await user.type(within(dialog).getByLabelText('Reason (recorded)'), 'Duplicate of 000003');

    // A cashier's own password approves nothing.
    await user.type(within(dialog).getByLabelText('Manager username'), 'cashier1');
    await user.type(within(dialog).getByLabelText('Manager password'), 'demo');
    await user.click(within(dialog).getByRole('button', { name: 'Discard for good' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Only a manager can approve this.',
    );

    await user.clear(within(dialog).getByLabelText('Manager username'));
    await user.type(within(dialog).getByLabelText('Manager username'), 'manager1');
    await user.clear(within(dialog).getByLabelText('Manager password'));
    await user.type(within(dialog).getByLabelText('Manager password'), 'wrong');
    await user.click(within(dialog).getByRole('button', { name: 'Discard for good' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        'Wrong manager username or password.',
      ),
    );
    expect(data.discarded).toEqual([]);

    await user.clear(within(dialog).getByLabelText('Manager password'));
    await user.type(within(dialog).getByLabelText('Manager password'), 'demo');
    await user.click(within(dialog).getByRole('button', { name: 'Discard for good' }));
    await waitFor(() =>
      expect(data.discarded).toEqual([
        { id: `m-${first.id}`, reason: 'Duplicate of 000003', approvedBy: fixtures.manager.id },
      ]),
    );
    // The manager's sign-in must not replace the cashier's session cookie.
    expect(calls.map((c) => c.credentials)).toEqual(['omit', 'omit', 'omit']);
    expect(calls[2]!.body.deviceId).toBe('0190a000-0000-7000-8000-00000000dddd');
  });
});
