// A refused customer edit in words, naming the field at fault.
import type { InvalidCustomer } from '../../db/customers';
import type { Translate } from '../../i18n/i18n';

export function invalidCustomerText(err: InvalidCustomer, t: Translate): string {
  const why = t(`customers.invalid.${err.problem}`);
  return err.field ? `${t(`customers.${err.field}`)}: ${why}` : why;
}
