// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TillScreen } from '../../../../src/app/features/till/till-screen';
import { MemoryTillData } from '../memory-till-data';
import { renderTill } from '../render-till';

afterEach(() => {
  vi.restoreAllMocks();
});

describe("today's sales", () => {
  it('lists the sales with their sync state, opens one and reprints it', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const data = new MemoryTillData();
    data.online = true;
    const first = await data.seedSale();
    await data.syncNow();
    const second = await data.seedSale();
    renderTill(<TillScreen onSignedOut={vi.fn()} />, { data });

    await user.click(screen.getByRole('button', { name: "Today's sales" }));
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(2);
    const row = (n: string) => rows.find((r) => r.textContent?.includes(n))!;
    expect(row(first.receiptNumber)).toHaveTextContent('Synced');
    expect(row(second.receiptNumber)).toHaveTextContent('Not yet synced');

    await user.click(screen.getByRole('button', { name: `Open receipt ${second.receiptNumber}` }));
    const receipt = await screen.findByRole('article', { name: `Receipt ${second.receiptNumber}` });
    expect(within(receipt).getByRole('note')).toHaveTextContent('Not yet synced');
    expect(within(receipt).getByRole('row', { name: /VAT 7%/ })).toHaveTextContent('€2.50€0.16');
    await user.click(screen.getByRole('button', { name: 'Reprint receipt' }));
    expect(print).toHaveBeenCalledTimes(1);

    // Once the server has it, the mark goes.
    await act(() => data.syncNow());
    expect(await screen.findByRole('article')).not.toHaveTextContent('Not yet synced');
    await user.click(screen.getByRole('button', { name: "Back to today's sales" }));
    expect(screen.getByRole('heading', { name: "Today's sales" })).toBeInTheDocument();
  });
});
