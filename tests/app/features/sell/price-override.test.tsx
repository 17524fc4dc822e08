// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TillScreen } from '../../../../src/app/features/till/till-screen';
import { renderTill } from '../render-till';
import { fakeLogin } from '../fake-login';
import * as fixtures from '../fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function openOverride(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('combobox', { name: 'Search products' }), 'bread');
  await screen.findByRole('option', { name: /Bread/ });
  await user.keyboard('{Enter}');
  await user.click(screen.getByRole('button', { name: 'Edit Bread' }));
  await user.click(await screen.findByRole('button', { name: 'Change price…' }));
  return screen.getByRole('dialog', { name: 'Change the price of Bread' });
}

describe('price override', () => {
  it('needs a manager to sign in on the dialog, and records the approval on the line', async () => {
    const user = userEvent.setup();
    fakeLogin({ manager1: { password: 'demo', user: fixtures.manager } });
    const { data } = renderTill(<TillScreen onSignedOut={vi.fn()} />);
    const dialog = await openOverride(user);
    expect(dialog).toHaveTextContent('Catalog price: €2.50.');

    await user.type(within(dialog).getByLabelText('New unit price'), '2,00');
    await user.type(within(dialog).getByLabelText('Manager username'), 'manager1');
    await user.type(within(dialog).getByLabelText('Manager password'), 'demo');
    await user.click(within(dialog).getByRole('button', { name: 'Approve price' }));

    const line = await screen.findByRole('listitem', { name: 'Bread' });
    expect(line).toHaveTextContent('price changed, was €2.50');
    expect(screen.getByTestId('total')).toHaveTextContent('€2.00');

    await user.keyboard('{F9}');
    await user.type(await screen.findByLabelText('Cash received'), '{Enter}');
    await user.click(screen.getByRole('button', { name: 'Complete sale' }));
    const receipt = await screen.findByRole('article');
    expect(receipt).toHaveTextContent('price changed by a manager, was €2.50');
    expect(data.recorded[0]!.lines[0]).toMatchObject({
      unitPrice: 200,
      total: 200,
      priceOverride: { originalPrice: 250, approvedBy: fixtures.manager.id },
    });
  });

  it('says so when the network is down, and leaves the price as it was', async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    renderTill(<TillScreen onSignedOut={vi.fn()} />);
    const dialog = await openOverride(user);
    await user.type(within(dialog).getByLabelText('New unit price'), '1');
    await user.type(within(dialog).getByLabelText('Manager username'), 'manager1');
    await user.type(within(dialog).getByLabelText('Manager password'), 'demo');
    await user.click(within(dialog).getByRole('button', { name: 'Approve price' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'A manager approval needs the network, and the server cannot be reached.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('total')).toHaveTextContent('€2.50');
  });
});
