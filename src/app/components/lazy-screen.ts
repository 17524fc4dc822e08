// A screen that is never the first one lives in a chunk outside the app's first script.
// `preload()` fetches it (main.tsx preloads every such screen right after the first render, so
// a till that loses the network later still opens them); once fetched it renders at once.
// Before that, the nearest <Suspense> shows its fallback while it loads.
import { createElement, lazy } from 'react';
import type { ComponentType, ReactElement } from 'react';

export interface LazyScreen<P extends object> {
  (props: P): ReactElement;
  preload(): Promise<unknown>;
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
  const Pending = lazy(() => fetch().then((component) => ({ default: component })));
  const Screen = (props: P) => createElement(loaded ?? Pending, props);
  Screen.preload = fetch;
  return Screen;
}
