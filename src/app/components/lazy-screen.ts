// A screen that is never the first one lives in a chunk outside the app's first script.
// `preload()` fetches it (main.tsx preloads every such screen right after the first render, so
// a till that loses the network later still opens them); once fetched it renders at once.
// Before that, the nearest <Suspense> (a ScreenBoundary) shows its fallback while it loads, and
// its error if it cannot be loaded.
import { createElement, lazy } from 'react';
import type { ComponentType, ReactElement } from 'react';

export interface LazyScreen<P extends object> {
  (props: P): ReactElement;
  preload(): Promise<unknown>;
}

/** Bumped by each "try again": a screen whose fetch failed before fetches anew when shown. */
let retries = 0;

export function retryFailedScreens(): void {
  retries++;
}

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const fetch = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (err: unknown) => {
        loading = null; // a failed preload does not stand in the way of a later open
        throw err;
      },
    ));
  // React keeps a lazy component's failure for good, which its ScreenBoundary shows; once asked
  // to try again (retryFailedScreens), the next render gets a new one that fetches again.
  let failedIn: number | null = null;
  const pending = () =>
    lazy(() =>
      fetch().then(
        (component) => ({ default: component }),
        (err: unknown) => {
          failedIn = retries;
          throw err;
        },
      ),
    );
  let Pending = pending();
  const Screen = (props: P) => {
    if (failedIn !== null && failedIn !== retries) {
      failedIn = null;
      Pending = pending();
    }
    return createElement(loaded ?? Pending, props);
  };
  Screen.preload = fetch;
  return Screen;
}
