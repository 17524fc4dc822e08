// The manager's username and password, typed on the cashier's dialog to approve one action.
import { useT } from '../../i18n/i18n';

export interface ManagerCredentials {
  username: string;
  password: string;
}

export function ManagerFields(props: {
  value: ManagerCredentials;
  onChange: (v: ManagerCredentials) => void;
}) {
  const t = useT();
  return (
    <fieldset className="manager-fields">
      <legend>{t('manager.legend')}</legend>
      <label>
        {t('manager.username')}
        <input
          autoComplete="off"
          required
          value={props.value.username}
          onChange={(e) => props.onChange({ ...props.value, username: e.target.value })}
        />
      </label>
      <label>
        {t('manager.password')}
        <input
          type="password"
          autoComplete="off"
          required
          value={props.value.password}
          onChange={(e) => props.onChange({ ...props.value, password: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
