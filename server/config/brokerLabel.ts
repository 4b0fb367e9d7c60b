/**
 * What the browser is told about the broker: `host:port`, nothing else (no
 * user, no password, no vhost). Redacting whole URLs for logs is the wire
 * layer's `redactUrl`.
 */
export function brokerLabel(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === 'amqps:' ? '5671' : '5672');
    return `${parsed.hostname}:${port}`;
  } catch {
    return '<unparsable url>';
  }
}
