import { describe, expect, it } from 'vitest';
import { moneyInputValue, parseMoney, parsePercent } from '../../../src/app/i18n/money-input';

describe('money typed by a cashier', () => {
  it('reads either decimal mark into minor units of the currency', () => {
    expect(parseMoney('12', 'EUR')).toBe(1200);
    expect(parseMoney('12.5', 'EUR')).toBe(1250);
    expect(parseMoney(' 12,05 ', 'EUR')).toBe(1205);
    expect(parseMoney('0,99', 'USD')).toBe(99);
    expect(parseMoney('480', 'JPY')).toBe(480);
  });

  it('refuses what is not an amount of the currency', () => {
    for (const text of ['', 'abc', '1.234,50', '12.345', '-1', '1e3', '12,5,0'])
      expect(parseMoney(text, 'EUR')).toBeNull();
    expect(parseMoney('1.5', 'JPY')).toBeNull();
  });

  it('reads percentages into basis points, up to 100 %', () => {
    expect(parsePercent('10')).toBe(1000);
    expect(parsePercent('12,5')).toBe(1250);
    expect(parsePercent('100')).toBe(10_000);
    expect(parsePercent('100.01')).toBeNull();
    expect(parsePercent('x')).toBeNull();
  });

  it('prefills amounts the way the locale writes them', () => {
    expect(moneyInputValue(1250, 'EUR', 'de-DE')).toBe('12,50');
    expect(moneyInputValue(123456, 'USD', 'en-US')).toBe('1234.56');
    expect(parseMoney(moneyInputValue(123456, 'EUR', 'de-DE'), 'EUR')).toBe(123456);
  });
});
