/**
 * The broker URL(s) a networked chart connects to: `amqpUrl` (or
 * `AMQP_URL`, comma-separated, or the local default), with miros-rabbitmq's
 * `rabbitUser` / `rabbitPassword` written into each when given. The URL
 * class does the escaping, so a password with `@` or `/` stays a password.
 */
import { DEFAULT_AMQP_URL } from '../transport/AmqpTransport.ts';

export function chartBrokerUrls(options: { amqpUrl?: string | readonly string[]; rabbitUser?: string; rabbitPassword?: string }, env: string | undefined = process.env.AMQP_URL): string[] {
  const given = options.amqpUrl ?? (env || DEFAULT_AMQP_URL).split(',');
  const urls = (typeof given === 'string' ? [given] : [...given]).map((u) => u.trim()).filter(Boolean);
  if (urls.length === 0) throw new RangeError('a networked chart needs at least one broker URL');
  if (options.rabbitUser === undefined && options.rabbitPassword === undefined) return urls;
  return urls.map((text) => {
    const url = new URL(text);
    if (options.rabbitUser !== undefined) url.username = encodeURIComponent(options.rabbitUser);
    if (options.rabbitPassword !== undefined) url.password = encodeURIComponent(options.rabbitPassword);
    return url.toString();
  });
}
