import type { PublicUser } from '../../../shared/records/user';
import { useT } from '../../i18n/i18n';

export function TillScreen(props: { user: PublicUser; onSignOut: () => void }) {
  const t = useT();
  return (
    <div className="till">
      <header className="till-header">
        <strong>{t('app.name')}</strong>
        <span>
          {t('till.signedInAs', { name: props.user.name, role: t(`role.${props.user.role}`) })}
        </span>
        <button type="button" onClick={props.onSignOut}>
          {t('till.logout')}
        </button>
      </header>
      <main className="till-main">
        <p>{t('till.empty')}</p>
      </main>
    </div>
  );
}
