// Renders a piece of the till as the app does: English strings, the data port, and the session
// of a signed-in user at a register whose catalog is in.
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { ReactElement } from 'react';
import { I18nContext, translator } from '../../../src/app/i18n/i18n';
import { TillDataContext } from '../../../src/app/features/till-data-context';
import { TillContext } from '../../../src/app/features/till/till-context';
import { makeSession } from '../../../src/app/features/till/make-session';
import type { PublicUser } from '../../../src/shared/records/user';
import * as fixtures from './fixtures';
import { MemoryTillData } from './memory-till-data';

// vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

export function renderTill(
  ui: ReactElement,
  options: { data?: MemoryTillData; user?: PublicUser } = {},
) {
  const data = options.data ?? new MemoryTillData();
  const session = makeSession({
    user: options.user ?? fixtures.cashier,
    catalog: {
      store: data.store,
      categories: fixtures.categories,
      taxRates: fixtures.taxRates,
      paymentMethods: fixtures.paymentMethods,
      productCount: data.products.length,
      ready: true,
    },
    register: fixtures.register,
    deviceId: '0190a000-0000-7000-8000-00000000dddd',
  });
  const result = render(
    <I18nContext.Provider value={translator('en')}>
      <TillDataContext.Provider value={data}>
        <TillContext.Provider value={session}>{ui}</TillContext.Provider>
      </TillDataContext.Provider>
    </I18nContext.Provider>,
  );
  return { ...result, data, session };
}
