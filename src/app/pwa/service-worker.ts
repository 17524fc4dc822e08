// Registers the service worker and holds a new build back until the cashier accepts it and
// no sale is in progress: an update never reloads the till mid-sale. Registration is not
// needed to paint, so workbox-window is fetched after the first render (main.tsx).

type Listener = () => void;

export interface UpdateController {
  /** A new build is installed and waiting. */
  readonly ready: boolean;
  subscribe(listener: Listener): () => void;
  /** Mark a sale as started or finished; the update waits while one is open. */
  setSaleInProgress(inProgress: boolean): void;
  readonly saleInProgress: boolean;
  /** Activates the waiting build and reloads, unless a sale is in progress (then false). */
  apply(): boolean;
}

export function updateController(
  activate: () => void = () => undefined,
): UpdateController & { markReady(): void } {
  const listeners = new Set<Listener>();
  let ready = false;
  let sale = false;
  const emit = () => listeners.forEach((l) => l());
  return {
    get ready() {
      return ready;
    },
    get saleInProgress() {
      return sale;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setSaleInProgress(inProgress) {
      if (sale === inProgress) return;
      sale = inProgress;
      emit();
    },
    markReady() {
      ready = true;
      emit();
    },
    apply() {
      if (!ready || sale) return false;
      activate();
      return true;
    },
  };
}

let activateWaiting: (() => void) | null = null;

/** The app's one update controller. */
export const updates = updateController(() => activateWaiting?.());

export async function registerServiceWorker(scriptUrl = '/sw.js'): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const workbox = new Workbox(scriptUrl);
  workbox.addEventListener('waiting', () => updates.markReady());
  activateWaiting = () => {
    // Reload once the new worker controls the page, so page and worker are the same build.
    workbox.addEventListener('controlling', () => window.location.reload());
    workbox.messageSkipWaiting();
  };
  await workbox.register();
}
