// The frame of the screens before the till opens (choosing a register, the first sync): who
// is signed in, and signing out.
import type { ReactNode } from 'react';
import type { PublicUser } from '../../../shared/records/user';
import { useT } from '../../i18n/i18n';

export function SetupFrame(props: {
  user: PublicUser;
  onSignOut: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const { user } = props;
  return (
    <div className="till">
      <header className="till-header">
        <strong className="brand">{t('app.name')}</strong>
        <span className="who">
          {t('till.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}
        </span>
        <button type="button" className="signout" onClick={props.onSignOut}>
          {t('till.logout')}
        </button>
      </header>
      <main className="setup">{props.children}</main>
    </div>
  );
}
