// German is not part of the app's first script: it is fetched before the first render on a
// German device, and only there.
import { describe, expect, it } from 'vitest';
import { loadLanguage, pickLanguage, translator } from '../../../src/app/i18n/i18n';

describe('the dictionaries a device loads', () => {
  it('has English at hand, and German only once fetched', async () => {
    expect(translator('en')('login.submit')).toBe('Sign in');
    expect(() => translator('de')).toThrow(/not loaded/);
    await loadLanguage(pickLanguage('de-DE'));
    expect(translator('de')('login.submit')).toBe('Anmelden');
  });
});
