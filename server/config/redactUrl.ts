/**
 * Broker URLs carry passwords (`amqp://user:secret@host/`). Anything that is
 * printed, logged or sent to a browser goes through one of these first.
 */

/** The URL with its password replaced by `***` (and an unparsable URL hidden entirely). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparsable url>';
  }
}

/** Just `host:port` of a broker URL: what the browser is shown. */
export function brokerLabel(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === 'amqps:' ? '5671' : '5672');
    return `${parsed.hostname}:${port}`;
  } catch {
    return '<unparsable url>';
  }
}

/** Replaces every URL with credentials in free text (error messages from amqplib quote them). */
export function redactText(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]*:)([^@\s]*)@/gi, '$1***@');
}
