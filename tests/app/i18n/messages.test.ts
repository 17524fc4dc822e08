import { describe, expect, it } from 'vitest';
import { en } from '../../../src/app/i18n/messages';
import { de } from '../../../src/app/i18n/messages-de';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the dictionaries', () => {
  it('have the same placeholders in English and German for every message', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect({ key, vars: placeholders(de[key]) }).toEqual({ key, vars: placeholders(en[key]) });
  });
});
