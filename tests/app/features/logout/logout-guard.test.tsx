// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TillScreen } from '../../../../src/app/features/till/till-screen';
import { MemoryTillData } from '../memory-till-data';
import { renderTill } from '../render-till';
import * as fixtures from '../fixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('signing out', () => {
  it('syncs first and, with nothing left unsynced, wipes the local data and signs out', async () => {
    const user = userEvent.setup();
    const data = new MemoryTillData();
    await data.seedSale();
    const onSignedOut = vi.fn();
    renderTill(<TillScreen onSignedOut={onSignedOut} />, { data });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
    expect(data.sales).toHaveLength(0);
    expect(data.wiped).toBe(1);
  });

  it('refuses while offline with an unsynced sale, says why, and signs out once it synced', async () => {
    const user = userEvent.setup();
    const data = new MemoryTillData();
    data.online = false;
    await data.seedSale();
    const onSignedOut = vi.fn();
    renderTill(<TillScreen onSignedOut={onSignedOut} />, { data });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign out' });
    const refusal = await within(dialog).findByRole('alert');
    expect(refusal).toHaveTextContent('You cannot sign out yet: not everything is on the server.');
    expect(refusal).toHaveTextContent('Sales not yet sent: 1');
    expect(refusal).toHaveTextContent('The server cannot be reached.');
    expect(
      within(dialog).queryByRole('button', { name: 'Export pending sales' }),
    ).not.toBeInTheDocument();
    expect(data.wiped).toBe(0);
    expect(data.sales).toHaveLength(1);
    expect(onSignedOut).not.toHaveBeenCalled();

    data.online = true;
    await user.click(within(dialog).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
    expect(data.wiped).toBe(1);
  });

  it('refuses while an item needs attention, even online', async () => {
    const user = userEvent.setup();
    const data = new MemoryTillData();
    const sale = await data.seedSale();
    data.reject(sale.receiptNumber, 'TotalsMismatch');
    const onSignedOut = vi.fn();
    renderTill(<TillScreen onSignedOut={onSignedOut} />, { data });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal).toHaveTextContent('Items that need attention: 1');
    expect(refusal).not.toHaveTextContent('Sales not yet sent');
    expect(data.wiped).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('lets a manager export the pending sales to a JSON file', async () => {
    const user = userEvent.setup();
    const data = new MemoryTillData();
    data.online = false;
    const sale = await data.seedSale();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:export'));
    URL.revokeObjectURL = vi.fn();
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    renderTill(<TillScreen onSignedOut={vi.fn()} />, { data, user: fixtures.manager });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Export pending sales' }));

    await waitFor(() => expect(downloads).toEqual(['till-pending-2026-01-02T03-04-05-000Z.json']));
    const file = JSON.parse(await blobs[0]!.text());
    expect(file.pending).toEqual([expect.objectContaining({ receiptNumber: sale.receiptNumber })]);
    expect(data.wiped).toBe(0);
  });
});
