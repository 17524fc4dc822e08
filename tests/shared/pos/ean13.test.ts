import { describe, expect, it } from 'vitest';
import { ean13, ean13CheckDigit, isValidEan13 } from '../../../src/shared/pos/ean13';
import { formatReceiptNumber, parseReceiptNumber } from '../../../src/shared/pos/receipt-number';

describe('EAN-13', () => {
  it('computes the check digit of a known code', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
    expect(ean13('590123412345')).toBe('5901234123457');
  });
  it('refuses anything but 12 digits', () =>
    expect(() => ean13CheckDigit('12ab')).toThrow(RangeError));
});

describe('receipt numbers', () => {
  it('formats and parses STORE-REG-000123', () => {
    expect(formatReceiptNumber('S1', 'R2', 123)).toBe('S1-R2-000123');
    expect(formatReceiptNumber('S1', 'R2', 1234567)).toBe('S1-R2-1234567');
    expect(parseReceiptNumber('S1-R2-000123')).toEqual({
      storeCode: 'S1',
      registerCode: 'R2',
      n: 123,
    });
    expect(parseReceiptNumber('S1-R2-12')).toBeNull();
    expect(() => formatReceiptNumber('S1', 'R1', 0)).toThrow(RangeError);
  });
});
