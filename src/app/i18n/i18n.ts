// A small i18n: one dictionary per language, `{name}` placeholders, and Intl for money and dates.
// English is part of the app's first script; German is fetched only on a German device, before
// the first render (main.tsx), so no German cashier sees English first.
import { createContext, useContext } from 'react';
import type { MessageKey } from './messages';
import { en } from './messages';

export type Language = 'en' | 'de';
const dictionaries: { [L in Language]?: Record<MessageKey, string> } = { en };

/** Makes `translator(language)` available. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'de') dictionaries.de ??= (await import('./messages-de')).de;
}

export function pickLanguage(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const dict = dictionaries[language];
  if (!dict) throw new Error(`The ${language} messages are not loaded yet (loadLanguage).`);
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

/** Outside a provider (component tests): English. */
export const I18nContext = createContext<Translate>(translator('en'));

export function useT(): Translate {
  return useContext(I18nContext);
}
