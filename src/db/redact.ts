/** Connection strings appear in messages only through here, so a password never reaches output. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
  }
}

/** Removes every occurrence of the given secrets from a message (pg errors may echo parts of a URL). */
export function redactSecrets(message: string, url: string | undefined): string {
  if (!url) return message;
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    /* not a URL: nothing to hide beyond what redactUrl handles */
  }
  let out = message.split(url).join(redactUrl(url));
  if (password.length > 0) out = out.split(password).join('***');
  return out;
}
