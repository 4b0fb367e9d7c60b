/**
 * `miroscope tail`: the snoop networks in the terminal, printed as
 * miros-rabbitmq's enable_snoop_trace / enable_snoop_spy print them — a
 * passive listener with no chart of its own.
 *
 *    [+t] [2018-05-04 09:23:34.256485] [2771f_ao] e->other_to_inner() outer->inner
 *    [+s] 2771f_ao ENTRY_SIGNAL:inner
 *
 * Byte for byte what a miros-rabbitmq node prints (formatSnoopLine.ts):
 * chart names purple, or blue for the one given with --name (as a node
 * shows its own name), control characters from the network escaped.
 * Rejected messages are counted on standard error.
 */
import { Command } from 'commander';
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { ConfigError, resolveServeConfig } from '../config/serveConfig.ts';
import { addKeyOptions, keyOptions, type KeyFlags } from './keyOptions.ts';
import { formatSnoopLine, type SnoopNetwork } from '../net/charts/formatSnoopLine.ts';
import { MirosNets } from '../net/MirosNets.ts';
import { splitBrokerUrls } from '../listen/openTransport.ts';
import { AmqpTransport, DEFAULT_AMQP_URL } from '../net/transport/AmqpTransport.ts';
import { redactSecrets } from '../net/transport/redactUrl.ts';
import type { Delivery } from '../net/transport/Transport.ts';
import type { PickleValue } from '../net/pickle/PickleValue.ts';

interface TailFlags extends KeyFlags {
  amqp?: string;
  spy?: boolean;
  color: boolean;
  name?: string;
  seconds?: string;
}

export function tailCommand(): Command {
  const command = new Command('tail')
    .description('print the snoop trace (and spy) networks live, like miros-rabbitmq’s snoop output')
    .option('--amqp <url>', "RabbitMQ broker URL, or a cluster's nodes comma-separated (default: AMQP_URL, else amqp://guest:guest@127.0.0.1:5672/)");
  // Keys as serve takes them: from a file or the environment, never argv (ps shows it).
  return addKeyOptions(command)
    .option('--spy', 'also print the snoop spy network ([+s] lines)')
    .option('--no-color', 'print without ANSI colours (also when NO_COLOR is set)')
    .option('--name <chart>', 'show this chart’s name in blue, as its own node would')
    .option('--seconds <n>', 'stop after this many seconds')
    .addHelpText(
      'after',
      `
Examples:
  npx miroscope tail
  npx miroscope tail --spy --name 04ccc_ao
  AMQP_URL=amqp://peter:rabbit@10.0.0.5/ npx miroscope tail --no-color > snoop.log
  npx miroscope tail --no-color --seconds 60 | npx miroscope sequence -`,
    )
    .action(async (flags: TailFlags) => {
      let config;
      try {
        config = resolveServeConfig({ amqp: flags.amqp, ...keyOptions(flags) });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        process.stderr.write(`miroscope tail: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      // --amqp / AMQP_URL may list a cluster's nodes, comma-separated.
      const urls = splitBrokerUrls(config.amqpUrl ?? DEFAULT_AMQP_URL);
      const colour = flags.color && !process.env.NO_COLOR;
      const note = (line: string) => process.stderr.write(redactSecrets(line, urls) + '\n');
      const transport = new AmqpTransport({ url: urls });
      const nets = new MirosNets({ transport, meshKey: config.keys.mesh, traceKey: config.keys.trace, spyKey: config.keys.spy, node: 'miroscope-tail' });
      // One line per message, from its item as received (a trace item of several lines is still one message).
      const print = (network: SnoopNetwork) => {
        let printed: Delivery | null = null;
        return (_record: UnnumberedRecord, delivery: Delivery, item: PickleValue) => {
          if (printed === delivery || typeof item !== 'string') return;
          printed = delivery;
          process.stdout.write(formatSnoopLine(network, item, flags.name ?? null, colour) + '\n');
        };
      };
      nets.onTrace(print('trace'));
      if (flags.spy) nets.onSpy(print('spy'));
      nets.onMeta((record) => {
        if (record.event === 'rejected') note(`tail: rejected a message on ${record.network}: ${record.reason}`);
        else if (record.event !== 'topology' && record.detail) note(`tail: ${record.detail}`);
      });
      transport.on('error', (error) => note(`tail: ${error.message}`));

      const stop = async () => {
        await nets.close();
        await transport.close('tail stopped');
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      try {
        await transport.whenConnected(3000);
        await nets.ready();
        note(`tail: listening to RabbitMQ at ${transport.broker} (trace${flags.spy ? ' and spy' : ''})`);
      } catch (error) {
        note(`tail: ${(error as Error).message}; retrying in the background`);
      }
      if (flags.seconds !== undefined) {
        const seconds = Number(flags.seconds);
        if (!(seconds > 0)) throw new Error('--seconds must be a positive number');
        setTimeout(() => void stop(), seconds * 1000);
      }
    });
}
