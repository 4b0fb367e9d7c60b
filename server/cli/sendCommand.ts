/**
 * `miroscope send <chart|all> <signal> [payload]`: an event into the live
 * charts, through a running `miroscope serve` (POST /api/send), which
 * publishes it on the mesh with its key as a miros-rabbitmq node would.
 *
 *   miroscope send ─HTTP─▶ serve ─▶ miros.mesh.exchange ─▶ every chart whose rx pattern matches
 *
 * The command holds no mesh key and opens no broker connection: the server
 * that watches the network is the one that speaks on it, so every sent event
 * lands in its recording as coming from the operator.
 *
 * The token (a server beyond loopback requires one) comes from
 * MIROSCOPE_TOKEN or `--token-file`, never from the command line, which
 * every user of the machine can read in `ps` (see keyOptions.ts).
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT } from '../config/serveConfig.ts';

interface SendFlags {
  url?: string;
  tokenFile?: string;
  token?: string;
  routingKey?: string;
}

interface SendAnswer {
  error?: string;
  target?: string;
  signal?: string;
  messages?: { messageId: string; routingKey: string; result: string }[];
}

/** How long to wait for the server (it answers as soon as the message is handed to the broker connection). */
const TIMEOUT_MS = 10_000;

export function sendCommand(): Command {
  return new Command('send')
    .description('send an event to live charts through a running `miroscope serve` (published on the mesh as a miros-rabbitmq node would)')
    .argument('<chart>', 'a chart the server has heard transmitting (its routing key is used), or `all`')
    .argument('<signal>', 'the signal name, e.g. other_to_inner')
    .argument('[payload]', 'the payload as JSON, e.g. \'{"n": 1}\' or \'"text"\' (default: None)')
    .option('--url <url>', `the running server (default: MIROSCOPE_URL, else http://${DEFAULT_HOST}:${DEFAULT_PORT})`)
    .option('--token-file <path>', 'file holding the server’s token (default: MIROSCOPE_TOKEN)')
    .option('--token <token>', 'refused: a token on the command line is visible in ps; use --token-file or MIROSCOPE_TOKEN')
    .option('--routing-key <key>', 'publish with this routing key instead of the one the chart was heard using')
    .addHelpText(
      'after',
      `
miros-rabbitmq has no per-chart addressing: every chart whose rx_routing_key
pattern matches the routing key receives the event, not only <chart>.
<chart> picks the routing key (the one it was heard transmitting with);
\`all\` sends once per routing key heard on the mesh.

Examples:
  npx miroscope send 04ccc_ao other_to_inner
  npx miroscope send 04ccc_ao set_speed '{"rpm": 1200}'
  npx miroscope send all reset --routing-key heya.man
  MIROSCOPE_TOKEN=… npx miroscope send --url http://10.0.0.5:4477 04ccc_ao other_to_outer`,
    )
    .action(async (target: string, signal: string, payloadText: string | undefined, flags: SendFlags) => {
      const fail = (code: number, message: string) => {
        process.stderr.write(`miroscope send: ${message}\n`);
        process.exitCode = code;
      };
      if (flags.token !== undefined) {
        return fail(2, '--token is refused: a token on the command line is visible to every user of this machine (ps). Put it in a file readable only by you and give --token-file PATH, or set MIROSCOPE_TOKEN.');
      }
      let payload: unknown = null;
      if (payloadText !== undefined) {
        try {
          payload = JSON.parse(payloadText);
        } catch {
          return fail(2, `the payload must be JSON (a string needs quotes: '"text"'), not ${payloadText}`);
        }
      }
      let token: string | undefined;
      try {
        token = readToken(flags.tokenFile);
      } catch (error) {
        return fail(2, (error as Error).message);
      }
      const base = (flags.url ?? process.env.MIROSCOPE_URL ?? `http://${DEFAULT_HOST}:${DEFAULT_PORT}`).replace(/\/+$/, '');
      let response: Response;
      try {
        response = await fetch(`${base}/api/send`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ target, signal, payload, ...(flags.routingKey !== undefined && { routingKey: flags.routingKey }) }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        // fetch says only "fetch failed"; the reason (ECONNREFUSED, a bad port …) is its cause.
        const { cause } = error as { cause?: { code?: string; message?: string } };
        const reason = cause?.code ?? cause?.message ?? (error as Error).message;
        return fail(1, `no answer from a miroscope server at ${base} (${reason}); is \`miroscope serve\` running?`);
      }
      const answer = (await response.json().catch(() => ({}))) as SendAnswer;
      if (!response.ok) return fail(1, `the server refused: ${answer.error ?? `HTTP ${response.status}`}`);
      for (const m of answer.messages ?? []) {
        process.stdout.write(`sent ${signal} to ${target === 'all' ? 'all charts' : target} via routing key ${m.routingKey} (${m.result}, message ${m.messageId})\n`);
      }
    });
}

function readToken(file: string | undefined): string | undefined {
  if (file === undefined) return process.env.MIROSCOPE_TOKEN || undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the token file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const token = text.trim();
  if (token === '') throw new Error(`the token file ${file} is empty`);
  return token;
}
