// The strings of the customer screen (search, create, edit, attach to the sale) and of the
// conflict inbox's field names, in English (German: messages-customers-de.ts); spread into the
// main dictionaries.
export const customersEn = {
  'customers.title': 'Customers',
  'customers.open': 'Customer',
  'customers.attached': 'Customer: {name}',
  'customers.search': 'Search by name, email or phone',
  'customers.none': 'No customer found.',
  'customers.more': 'The first {count} are shown. Type more to narrow the search.',
  'customers.new': 'New customer',
  'customers.edit': 'Edit',
  'customers.editTitle': 'Edit {name}',
  'customers.name': 'Name',
  'customers.email': 'Email',
  'customers.phone': 'Phone',
  'customers.note': 'Note',
  'customers.save': 'Save',
  'customers.back': 'Back to the list',
  'customers.saved': '{name} is saved here and goes to the server with the next sync.',
  'customers.attach': 'Attach to sale',
  'customers.detach': 'Remove from sale',
  'customers.onSale': 'On this sale',
  'customers.invalid.NameMissing': 'Enter a name.',
  'customers.invalid.TooLong': 'This is too long.',
  'customers.invalid.NotText': 'This must be text.',
  'customers.invalid.EmailInvalid': 'This is not an email address (like name@example.com).',
  'customers.invalid.PhoneInvalid': 'A phone number has digits, and may have + ( ) - / and spaces.',
  'customers.invalid.NoStore': 'This register is not set up for a store yet.',
  'customers.notSaved': 'Nothing was saved: {message}',
} as const;

export type CustomersKey = keyof typeof customersEn;
