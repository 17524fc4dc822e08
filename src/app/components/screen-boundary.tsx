// Around the screens that load after the first one (lazy-screen.ts): if one cannot be loaded (the
// network went before its chunk was fetched and the worker had not precached it yet), the till
// says so and offers to try again or go back, instead of going blank with a cart on it.
import { Component, Suspense } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { retryFailedScreens } from './lazy-screen';

interface Props {
  children: ReactNode;
  /** Shown while the screen loads. */
  fallback: ReactNode;
  /** Leave the screen that failed (back to selling, or close the dialog). */
  onLeave?: () => void;
}

function Failed(props: { onRetry: () => void; onLeave: (() => void) | undefined }) {
  const t = useT();
  return (
    <div role="alert" className="screen-failed">
      <p>{t('error.screenNotLoaded')}</p>
      <button type="button" onClick={props.onRetry}>
        {t('common.retry')}
      </button>
      {props.onLeave && (
        <button type="button" onClick={props.onLeave}>
          {t('common.back')}
        </button>
      )}
    </div>
  );
}

export class ScreenBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed) {
      const leave = this.props.onLeave;
      return (
        <Failed
          onRetry={() => {
            retryFailedScreens();
            this.setState({ failed: false });
          }}
          onLeave={
            leave
              ? () => {
                  // Opened again later, the screen is fetched again.
                  retryFailedScreens();
                  this.setState({ failed: false });
                  leave();
                }
              : undefined
          }
        />
      );
    }
    return <Suspense fallback={this.props.fallback}>{this.props.children}</Suspense>;
  }
}
