// Money typed by a cashier: "12", "12.5", "12,50" (either decimal mark, no grouping), turned
// into minor units of the currency; and the other way, an amount to prefill a field with.
function digitsOf(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Minor units, or null when the text is not an amount of this currency. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = digitsOf(currency);
  const m = /^(\d{1,12})(?:[.,](\d*))?$/.exec(text.trim());
  if (!m?.[1]) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** A percentage ("10", "12.5") in basis points, 0 to 100 %; null when it is not one. */
export function parsePercent(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{0,2}))?$/.exec(text.trim());
  if (!m?.[1]) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** An amount as a cashier would type it in this locale: "12,50" in German, no grouping. */
export function moneyInputValue(minor: number, currency: string, locale: string): string {
  const digits = digitsOf(currency);
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(minor / 10 ** digits);
}
