// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useScanner } from '../../../../src/app/features/sell/use-scanner';
import { TillScreen } from '../../../../src/app/features/till/till-screen';
import { MemoryTillData } from '../memory-till-data';
import { renderTill } from '../render-till';

const noop = () => undefined;

/** A page with a button, a text field and the scanner; scans are listed. */
function ScanProbe(props: { now?: () => number }) {
  const [scans, setScans] = useState<string[]>([]);
  const [clicks, setClicks] = useState(0);
  useScanner((code) => setScans((s) => [...s, code]), props.now ? { now: props.now } : {});
  return (
    <div>
      <button type="button" onClick={() => setClicks((c) => c + 1)}>
        Press
      </button>
      <label>
        Note
        <input />
      </label>
      <output aria-label="scans">{scans.join(',')}</output>
      <output aria-label="clicks">{clicks}</output>
    </div>
  );
}

describe('keyboard-wedge scanner', () => {
  // The scanner tells a scan by the pace of the keys; a still clock makes every burst "fast"
  // whatever the load on the test machine (the slow case passes its own clock).
  beforeEach(() => {
    vi.spyOn(performance, 'now').mockReturnValue(1_000);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('adds the scanned product to the cart wherever the focus is outside a text field', async () => {
    const user = userEvent.setup();
    renderTill(<TillScreen onSignedOut={noop} />);
    await user.click(screen.getByRole('button', { name: 'Bakery' }));
    expect(screen.getByRole('button', { name: /Add Bread/ })).toBeInTheDocument();
    screen.getByRole('button', { name: /Add Bread/ }).focus();

    await user.keyboard('4000000000002{Enter}');
    expect(await screen.findByRole('listitem', { name: 'Orange Juice' })).toBeInTheDocument();
    // The Enter ended the scan; it did not press the focused Bread button.
    expect(screen.queryByRole('listitem', { name: 'Bread' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Added Orange Juice.');

    await user.keyboard('4000000000002{Enter}');
    await screen.findByText('€3.98', { selector: '.line-total' });
    expect(screen.getByTestId('total')).toHaveTextContent('€3.98');
  });

  it('says so when a scanned barcode is unknown', async () => {
    const user = userEvent.setup();
    renderTill(<TillScreen onSignedOut={noop} />);
    screen.getByRole('button', { name: 'Bakery' }).focus();
    await user.keyboard('4006381333931{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent(
      'No product has the barcode 4006381333931.',
    );
    expect(screen.getByTestId('total')).toHaveTextContent('€0.00');
  });

  it('looks a code typed or scanned into the search field up as a barcode', async () => {
    const user = userEvent.setup();
    renderTill(<TillScreen onSignedOut={noop} />);
    await user.type(
      screen.getByRole('combobox', { name: 'Search products' }),
      '4000000000003{Enter}',
    );
    expect(await screen.findByRole('listitem', { name: 'Water' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Search products' })).toHaveValue('');
  });

  it('keeps a second scan typed into the search field while the first is still looked up', async () => {
    const user = userEvent.setup();
    const data = new MemoryTillData();
    // A slow lookup: the second code arrives before the first answer (found with a real
    // scanner and the real catalog, where the lookup is async).
    const lookup = data.productByBarcode.bind(data);
    data.productByBarcode = (code: string) =>
      new Promise((resolve) => setTimeout(() => resolve(lookup(code)), 30));
    renderTill(<TillScreen onSignedOut={noop} />, { data });
    const search = screen.getByRole('combobox', { name: 'Search products' });
    await user.type(search, '4000000000002{Enter}4000000000003{Enter}');
    expect(await screen.findByRole('listitem', { name: 'Orange Juice' })).toBeInTheDocument();
    expect(await screen.findByRole('listitem', { name: 'Water' })).toBeInTheDocument();
    expect(search).toHaveValue('');
  });

  it('leaves keys typed into a text field to the field', async () => {
    const user = userEvent.setup();
    render(<ScanProbe />);
    await user.type(screen.getByLabelText('Note'), '12345678{Enter}');
    expect(screen.getByLabelText('Note')).toHaveValue('12345678');
    expect(screen.getByLabelText('scans')).toHaveTextContent('');
  });

  it('does not take slow typing for a scan, and lets Enter press the button then', async () => {
    const user = userEvent.setup();
    let clock = 0;
    // Each key read advances the clock by 200 ms: a person typing, not a scanner.
    render(<ScanProbe now={() => (clock += 200)} />);
    screen.getByRole('button', { name: 'Press' }).focus();
    await user.keyboard('12345678{Enter}');
    expect(screen.getByLabelText('scans')).toHaveTextContent('');
    expect(screen.getByLabelText('clicks')).toHaveTextContent('1');
  });

  it('ignores codes shorter than a barcode', async () => {
    const user = userEvent.setup();
    render(<ScanProbe now={() => 0} />);
    screen.getByRole('button', { name: 'Press' }).focus();
    await user.keyboard('1234{Enter}');
    expect(screen.getByLabelText('scans')).toHaveTextContent('');
    await user.keyboard('98765432{Enter}');
    expect(screen.getByLabelText('scans')).toHaveTextContent('98765432');
  });
});
