// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, translator } from '../../../src/app/i18n/i18n';
import { updateController } from '../../../src/app/pwa/service-worker';
import { UpdateBanner } from '../../../src/app/pwa/update-banner';

afterEach(cleanup);

function renderBanner() {
  const activate = vi.fn();
  const controller = updateController(activate);
  render(
    <I18nContext.Provider value={translator('en')}>
      <UpdateBanner controller={controller} />
    </I18nContext.Provider>,
  );
  return { controller, activate };
}

describe('the update banner', () => {
  it('says nothing until a new version is waiting', () => {
    renderBanner();
    expect(screen.queryByText('A new version is ready.')).toBeNull();
  });

  it('reloads only when the cashier accepts', async () => {
    const user = userEvent.setup();
    const { controller, activate } = renderBanner();
    act(() => controller.markReady());
    expect(screen.getByRole('status')).toHaveTextContent('A new version is ready.');
    expect(activate).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(activate).toHaveBeenCalledTimes(1);
  });

  it('cannot reload while a sale is in progress, and can once it is done', async () => {
    const user = userEvent.setup();
    const { controller, activate } = renderBanner();
    act(() => {
      controller.setSaleInProgress(true);
      controller.markReady();
    });
    expect(screen.getByRole('button', { name: 'Reload' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Finish the sale first');
    act(() => controller.setSaleInProgress(false));
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(activate).toHaveBeenCalledTimes(1);
  });
});
