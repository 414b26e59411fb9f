import { describe, expect, it } from 'vitest';
import { currencyDigits, formatPrice, parsePrice, priceText } from './money.ts';

describe('money', () => {
  it('knows how many decimals a currency has', () => {
    expect(currencyDigits('GBP')).toBe(2);
    expect(currencyDigits('CNY')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
  });

  it('reads a typed price into minor units', () => {
    expect(parsePrice('45', 'GBP')).toEqual({ ok: true, minor: 4500 });
    expect(parsePrice(' 45.5 ', 'GBP')).toEqual({ ok: true, minor: 4550 });
    expect(parsePrice('1,200.05', 'CNY')).toEqual({ ok: true, minor: 120005 });
    expect(parsePrice('0', 'GBP')).toEqual({ ok: true, minor: 0 });
    expect(parsePrice('4500', 'JPY')).toEqual({ ok: true, minor: 4500 });
    expect(parsePrice('45.10', 'GBP')).toEqual({ ok: true, minor: 4510 });
  });

  it('refuses a price below zero, with more decimals than the currency has, or not a number', () => {
    expect(parsePrice('-1', 'GBP')).toEqual({ ok: false, rule: 'price_negative' });
    expect(parsePrice('45.555', 'GBP')).toEqual({ ok: false, rule: 'price_decimals' });
    expect(parsePrice('45.5', 'JPY')).toEqual({ ok: false, rule: 'price_decimals' });
    expect(parsePrice('abc', 'GBP')).toEqual({ ok: false, rule: 'price_format' });
    expect(parsePrice('', 'GBP')).toEqual({ ok: false, rule: 'required' });
    expect(parsePrice('99999999', 'GBP')).toEqual({ ok: false, rule: 'price_too_big' });
  });

  it('writes minor units back as the form shows them and as people read them', () => {
    expect(priceText(4550, 'GBP')).toBe('45.50');
    expect(priceText(4500, 'JPY')).toBe('4500');
    expect(formatPrice(4550, 'GBP', 'en')).toBe('£45.50');
    expect(formatPrice(4550, 'CNY', 'zh-CN')).toBe('¥45.50');
  });
});
