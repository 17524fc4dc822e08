// A small i18n: one dictionary per language, `{name}` placeholders, and Intl for money and dates.
import { createContext, useContext } from 'react';
import type { MessageKey } from './messages';
import { de, en } from './messages';

export type Language = 'en' | 'de';
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, de };

export function pickLanguage(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const dict = dictionaries[language];
  return (key, vars) =>
    dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`));
}

export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const digits =
    new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    minorUnits / 10 ** digits,
  );
}

export const I18nContext = createContext<Translate>(translator(pickLanguage(navigator.language)));

export function useT(): Translate {
  return useContext(I18nContext);
}
