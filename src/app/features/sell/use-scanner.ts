// A keyboard-wedge barcode scanner types digits very fast and then Enter, wherever the focus
// is. This hook listens on the window (capture phase, before any button sees the Enter) and
// reports such a burst as a scan. While the cashier types in a text field the keys are theirs:
// the field gets them (the search field treats a scanned code there itself).
import { useEffect, useRef } from 'react';

export interface ScannerOptions {
  enabled?: boolean;
  /** Longest pause between two keys of one scan. Scanners send a key every few ms. */
  maxGapMs?: number;
  /** Shortest code that counts as a scan (EAN-8 has 8 digits). */
  minLength?: number;
  now?: () => number;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
    target.type,
  );
}

export function useScanner(onScan: (code: string) => void, options: ScannerOptions = {}) {
  const { enabled = true, maxGapMs = 80, minLength = 8, now = () => performance.now() } = options;
  const latest = useRef({ onScan, now, maxGapMs, minLength });
  latest.current = { onScan, now, maxGapMs, minLength };

  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let last = 0;
    function onKeyDown(e: KeyboardEvent) {
      const o = latest.current;
      if (isTextField(e.target) || e.ctrlKey || e.altKey || e.metaKey) {
        buffer = '';
        return;
      }
      const t = o.now();
      if (/^\d$/.test(e.key)) {
        if (t - last > o.maxGapMs) buffer = '';
        buffer += e.key;
        last = t;
        return;
      }
      if (e.key === 'Enter' && buffer.length >= o.minLength && t - last <= o.maxGapMs) {
        // Keep the Enter from pressing whatever button has the focus.
        e.preventDefault();
        e.stopPropagation();
        const code = buffer;
        buffer = '';
        o.onScan(code);
        return;
      }
      if (e.key !== 'Shift') buffer = '';
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
