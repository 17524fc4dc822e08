// Receipt numbers are human-readable and gapless per register: STORE-REG-000123.

const pattern = /^([A-Z0-9]+)-([A-Z0-9]+)-(\d{6,})$/;

export function formatReceiptNumber(storeCode: string, registerCode: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('receipt counter starts at 1');
  return `${storeCode}-${registerCode}-${String(n).padStart(6, '0')}`;
}

export function parseReceiptNumber(
  receipt: string,
): { storeCode: string; registerCode: string; n: number } | null {
  const m = pattern.exec(receipt);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { storeCode: m[1], registerCode: m[2], n: Number(m[3]) };
}
