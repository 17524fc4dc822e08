// Every string the app shows, in English and German. Components never hold literals.
export const en = {
  'app.name': 'Till',
  'login.title': 'Sign in to the till',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.busy': 'Signing in…',
  'login.error.credentials': 'Wrong username or password.',
  'login.error.rateLimited': 'Too many attempts. Try again in {seconds} seconds.',
  'login.error.offline': 'The server cannot be reached. Signing in needs the network once.',
  'login.error.unknown': 'Signing in failed. Please try again.',
  'till.title': '{store} · {register}',
  'till.noRegister': 'No register chosen yet',
  'till.signedInAs': 'Signed in as {name} ({role})',
  'till.empty': 'The till is ready. Selling arrives with the checkout screens.',
  'till.logout': 'Sign out',
  'role.cashier': 'cashier',
  'role.manager': 'manager',
  'role.admin': 'admin',
} as const;

export type MessageKey = keyof typeof en;

export const de: Record<MessageKey, string> = {
  'app.name': 'Till',
  'login.title': 'An der Kasse anmelden',
  'login.username': 'Benutzername',
  'login.password': 'Passwort',
  'login.submit': 'Anmelden',
  'login.busy': 'Anmeldung läuft…',
  'login.error.credentials': 'Benutzername oder Passwort ist falsch.',
  'login.error.rateLimited': 'Zu viele Versuche. Bitte in {seconds} Sekunden erneut versuchen.',
  'login.error.offline': 'Der Server ist nicht erreichbar. Die erste Anmeldung braucht das Netz.',
  'login.error.unknown': 'Die Anmeldung ist fehlgeschlagen. Bitte erneut versuchen.',
  'till.title': '{store} · {register}',
  'till.noRegister': 'Noch keine Kasse gewählt',
  'till.signedInAs': 'Angemeldet als {name} ({role})',
  'till.empty': 'Die Kasse ist bereit. Der Verkauf folgt mit den Kassenbildschirmen.',
  'till.logout': 'Abmelden',
  'role.cashier': 'Kassierer',
  'role.manager': 'Filialleitung',
  'role.admin': 'Administrator',
};
