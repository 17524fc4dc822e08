// The bar across the top of every till screen: where this is, the sync chip, the way to
// today's sales, who is signed in, and signing out.
import { useT } from '../../i18n/i18n';
import { SyncChip } from '../sync-center/sync-chip';
import { useTillSession } from './till-context';

export function TillHeader(props: {
  view: 'sell' | 'history' | 'other';
  onSell: () => void;
  onHistory: () => void;
  onSync: () => void;
  onSignOut: () => void;
}) {
  const t = useT();
  const { user, catalog, register } = useTillSession();
  return (
    <header className="till-header">
      <strong className="brand">{t('app.name')}</strong>
      <span className="where">
        {t('till.title', { store: catalog.store.name, register: register.name })}
      </span>
      <nav className="views" aria-label={t('till.views')}>
        <button
          type="button"
          aria-current={props.view === 'sell' ? 'page' : undefined}
          onClick={props.onSell}
        >
          {t('till.sell')}
        </button>
        <button
          type="button"
          aria-current={props.view === 'history' ? 'page' : undefined}
          onClick={props.onHistory}
        >
          {t('till.history')}
        </button>
      </nav>
      <SyncChip onOpen={props.onSync} />
      <span className="who">
        {t('till.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}
      </span>
      <button type="button" className="signout" onClick={props.onSignOut}>
        {t('till.logout')}
      </button>
    </header>
  );
}
