// The customer screen's strings in German; every key of the English ones (the type checks it).
import type { CustomersKey } from './messages-customers';

export const customersDe: Record<CustomersKey, string> = {
  'customers.title': 'Kunden',
  'customers.open': 'Kunde',
  'customers.attached': 'Kunde: {name}',
  'customers.search': 'Suche nach Name, E-Mail oder Telefon',
  'customers.none': 'Kein Kunde gefunden.',
  'customers.more': 'Die ersten {count} werden gezeigt. Für weniger Treffer weitertippen.',
  'customers.new': 'Neuer Kunde',
  'customers.edit': 'Bearbeiten',
  'customers.editTitle': '{name} bearbeiten',
  'customers.name': 'Name',
  'customers.email': 'E-Mail',
  'customers.phone': 'Telefon',
  'customers.note': 'Notiz',
  'customers.save': 'Speichern',
  'customers.back': 'Zurück zur Liste',
  'customers.saved':
    '{name} ist hier gespeichert und geht mit der nächsten Synchronisierung an den Server.',
  'customers.attach': 'Dem Verkauf zuordnen',
  'customers.detach': 'Vom Verkauf lösen',
  'customers.onSale': 'Bei diesem Verkauf',
  'customers.invalid.NameMissing': 'Bitte einen Namen eingeben.',
  'customers.invalid.TooLong': 'Das ist zu lang.',
  'customers.invalid.NotText': 'Das muss ein Text sein.',
  'customers.invalid.EmailInvalid': 'Das ist keine E-Mail-Adresse (etwa name@beispiel.de).',
  'customers.invalid.PhoneInvalid':
    'Eine Telefonnummer hat Ziffern und darf + ( ) - / und Leerzeichen enthalten.',
  'customers.invalid.NoStore': 'Diese Kasse ist noch keiner Filiale zugeordnet.',
  'customers.notSaved': 'Nichts wurde gespeichert: {message}',
};
