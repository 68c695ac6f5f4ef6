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

/** The password of `url`, as written and percent-decoded, so messages can be scrubbed of either spelling. */
function passwordsOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const raw = new URL(url).password;
    if (!raw) return [];
    return [...new Set([raw, decodeURIComponent(raw)])].filter((p) => p.length > 0);
  } catch {
    return [];
  }
}

/** Removes the URL and its password, in either spelling, from a message (pg errors may echo parts of a URL). */
export function redactSecrets(message: string, url: string | undefined): string {
  if (!url) return message;
  let out = message.split(url).join(redactUrl(url));
  for (const p of passwordsOf(url)) out = out.split(p).join('***');
  return out;
}
