// A minimal cookie jar for test transports (inject-fetch, the simulator's network): keeps
// name=value from Set-Cookie and drops cookies that are cleared or expired.

export type SetCookie = string | string[] | number | undefined;

export function keepCookies(
  jar: Map<string, string>,
  setCookie: SetCookie,
  now = Date.now(),
): void {
  const list =
    setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)];
  for (const line of list) {
    const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const expired = attrs.some(
      (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < now),
    );
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
}
