// @vitest-environment jsdom
// A screen in a chunk of its own: the nearest Suspense shows its fallback while it loads; once
// fetched (preloaded after the first render) it renders at once.
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyScreen } from '../../../src/app/components/lazy-screen';

afterEach(cleanup);

function Greeting(props: { name: string }) {
  return <p>Hello {props.name}</p>;
}

/** A chunk whose arrival the test decides. */
function deferred() {
  const chunk = {} as {
    promise: Promise<typeof Greeting>;
    resolve: (c: typeof Greeting) => void;
    reject: (e: Error) => void;
  };
  chunk.promise = new Promise((resolve, reject) => Object.assign(chunk, { resolve, reject }));
  return chunk;
}

const inSuspense = (ui: ReactNode) => <Suspense fallback={<p>Loading…</p>}>{ui}</Suspense>;

describe('a lazily loaded screen', () => {
  it('shows the fallback until its chunk is there', async () => {
    const chunk = deferred();
    const Screen = lazyScreen(() => chunk.promise);
    render(inSuspense(<Screen name="Ada" />));
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await act(async () => chunk.resolve(Greeting));
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
  });

  it('renders at once when it was preloaded', async () => {
    let loads = 0;
    const Screen = lazyScreen(() => (loads++, Promise.resolve(Greeting)));
    await Screen.preload();
    render(inSuspense(<Screen name="Grace" />));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByText('Hello Grace')).toBeInTheDocument();
    expect(loads).toBe(1);
  });

  it('fetches again on opening after a failed preload', async () => {
    const chunks = [deferred(), deferred()];
    let n = 0;
    const Screen = lazyScreen(() => chunks[n++]!.promise);
    const preload = Screen.preload();
    chunks[0]!.reject(new Error('offline'));
    await expect(preload).rejects.toThrow('offline');
    render(inSuspense(<Screen name="Lin" />));
    await act(async () => chunks[1]!.resolve(Greeting));
    expect(screen.getByText('Hello Lin')).toBeInTheDocument();
  });
});
