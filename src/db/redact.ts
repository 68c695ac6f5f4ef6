/** Connection strings and driver messages reach output only through here, so a password never does. */

/** `url` with its password replaced, for messages that name the server. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable database URL)';
  }
}

/**
 * The password's place in any URL (`scheme://user:PASSWORD@`) and in a libpq key/value string
 * (`password=…`). By position, not by text: a password `postgres` must not turn the scheme, the user
 * or a database named `postgres` into `***` as well.
 */
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]*:)[^\s@/?#]*@/gi;
const KEY_VALUE_PASSWORD = /\b(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi;

/** Removes the URL's password, wherever a message shows a URL or a `password=` setting (pg errors may echo parts of one). */
export function redactSecrets(message: string, url: string | undefined): string {
  const whole = url ? message.split(url).join(redactUrl(url)) : message;
  return whole.replace(URL_PASSWORD, '$1***@').replace(KEY_VALUE_PASSWORD, '$1***');
}
