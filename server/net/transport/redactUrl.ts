/**
 * Broker URLs carry credentials (`amqp://user:password@host`). Anything we
 * log, emit or show gets them removed first.
 */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i;

export function redactUrl(url: string): string {
  return url.replace(USERINFO, '$1***@');
}

/** Removes every given URL's credentials (and the password alone) from a message. */
export function redactSecrets(text: string, urls: readonly string[]): string {
  let out = text;
  for (const url of urls) {
    out = out.split(url).join(redactUrl(url));
    const password = passwordOf(url);
    if (password.length >= 3) out = out.split(password).join('***');
  }
  return out;
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}
