// @vitest-environment jsdom
// A screen whose chunk cannot be loaded (offline before it was fetched) says so and offers to try
// again or go back; the rest of the till stays as it was.
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyScreen } from '../../../src/app/components/lazy-screen';
import { ScreenBoundary } from '../../../src/app/components/screen-boundary';
import { I18nContext, translator } from '../../../src/app/i18n/i18n';

afterEach(cleanup);

function Greeting(props: { name: string }) {
  return <p>Hello {props.name}</p>;
}

function chunks() {
  const made: { resolve: (c: typeof Greeting) => void; reject: (e: Error) => void }[] = [];
  const load = () =>
    new Promise<typeof Greeting>((resolve, reject) => made.push({ resolve, reject }));
  return { made, load };
}

function renderIn(ui: ReactNode) {
  return render(<I18nContext.Provider value={translator('en')}>{ui}</I18nContext.Provider>);
}

describe('ScreenBoundary', () => {
  it('says a screen could not be loaded, and loads it when asked to try again', async () => {
    const { made, load } = chunks();
    const Screen = lazyScreen(load);
    renderIn(
      <ScreenBoundary fallback={<p>Loading…</p>}>
        <Screen name="Ada" />
      </ScreenBoundary>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    // React logs the caught error; the boundary is what this test is about.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await act(async () =>
      made[0]!.reject(new Error('Failed to fetch dynamically imported module')),
    );
    logged.mockRestore();
    expect(await screen.findByRole('alert')).toHaveTextContent('This screen could not be loaded');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(made).toHaveLength(2);
    await act(async () => made[1]!.resolve(Greeting));
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
  });

  it('goes back when asked, and offers no way back where there is none', async () => {
    const { made, load } = chunks();
    const Screen = lazyScreen(load);
    const onLeave = vi.fn();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const view = renderIn(
      <ScreenBoundary fallback={null} onLeave={onLeave}>
        <Screen name="Grace" />
      </ScreenBoundary>,
    );
    await act(async () => made[0]!.reject(new Error('offline')));
    await userEvent.click(await screen.findByRole('button', { name: 'Back' }));
    expect(onLeave).toHaveBeenCalledTimes(1);
    view.unmount();

    renderIn(
      <ScreenBoundary fallback={null}>
        <Screen name="Lin" />
      </ScreenBoundary>,
    );
    await act(async () => made[1]!.reject(new Error('offline')));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    logged.mockRestore();
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
  });
});
