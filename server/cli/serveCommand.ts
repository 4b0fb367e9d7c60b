/**
 * `miroscope serve`: the dashboard server. Prints where to open it, runs
 * until SIGINT/SIGTERM, then shuts down in order (the recording is flushed
 * and closed last).
 */
import { Command, Option } from 'commander';
import { hostname } from 'node:os';
import { ConfigError, DEFAULT_PORT, isLoopbackHost, resolveServeConfig, type ServeOptions } from '../config/serveConfig.ts';
import { ensureWebBuild } from '../http/ensureWebBuild.ts';
import { addKeyOptions, keyOptions, type KeyFlags } from './keyOptions.ts';
import { startServe } from './startServe.ts';
import { BudgetError } from '../config/messageBudgets.ts';
import { parseBudgetFlags } from '../config/parseBudgetFlags.ts';
import { parseUploadFlags } from '../config/parseUploadFlags.ts';
import { parseRecordingFlags } from '../config/parseRecordingFlags.ts';

interface ServeFlags extends Omit<ServeOptions, 'charts'>, KeyFlags {
  charts?: string[];
  inProcess?: boolean;
  build: boolean;
  budget?: string[];
  upload?: string[];
  recording?: string[];
}

export function serveCommand(): Command {
  const command = new Command('serve')
    .description('run the dashboard: listen to the networks, relay to browsers, record everything')
    .option('--amqp <url>', "RabbitMQ broker URL, or a cluster's nodes comma-separated to fail over between (default: AMQP_URL, else try amqp://guest:guest@127.0.0.1:5672/)")
    .option('--in-process', 'do not look for a broker: run on the in-process bus');
  return addKeyOptions(command)
    .option('--mesh-binding <pattern>', 'routing-key pattern to hear on the mesh', '#')
    .addOption(
      new Option('--demo [which]', 'run demo charts in this process: seed, charger or all').preset('all'),
    )
    .option('--charts <module...>', 'run your own chart modules in this process (see docs/cli.md)')
    .option('-p, --port <port>', 'HTTP port (0 picks a free one)', String(DEFAULT_PORT))
    .option('--host <host>', 'address to listen on; anything but loopback requires a token', '127.0.0.1')
    .option('--token <token>', 'access token for the page, the API and socket.io (default: MIROSCOPE_TOKEN)')
    .option('--recordings <dir>', 'folder for recordings (default: MIROSCOPE_RECORDINGS, else ./recordings)')
    .option('--no-build', 'do not build the dashboard (web/dist) when it is missing')
    .option('--budget <name=value...>', 'change a message budget, e.g. ringChars=67108864 maxDepth=32 (see docs/server.md)')
    .option('--upload <name=value...>', 'change an upload limit, e.g. quotaBytes=10737418240 concurrent=4 (see docs/server.md)')
    .option('--recording <name=value...>', 'rotation and retention, e.g. rotateBytes=268435456 keepBytes=10737418240 keepMs=604800000 (see docs/server.md)')
    .addHelpText(
      'after',
      `
Examples:
  npx miroscope serve --demo                      # demo charts, dashboard on http://127.0.0.1:${DEFAULT_PORT}/
  AMQP_URL=amqp://peter:rabbit@10.0.0.5/ npx miroscope serve --mesh-key-file ~/.miros/mesh.key
  npx miroscope serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"
  npx miroscope serve --charts ./my-charts.mts --recordings /tmp/rec

Keys are read from files (--mesh-key-file) or the environment (MIROS_MESH_KEY),
never from the command line, and are never sent to the browser or printed. Listening on a non-loopback
host without --token generates one and prints the URL that carries it.`,
    )
    .action(async (flags: ServeFlags) => {
      let config;
      let budgets;
      let uploads;
      let recording;
      try {
        config = resolveServeConfig({ ...flags, meshKey: undefined, traceKey: undefined, spyKey: undefined, ...keyOptions(flags) });
        budgets = parseBudgetFlags(flags.budget);
        uploads = parseUploadFlags(flags.upload);
        recording = parseRecordingFlags(flags.recording);
      } catch (error) {
        if (error instanceof ConfigError || error instanceof BudgetError) {
          process.stderr.write(`miroscope serve: ${error.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw error;
      }
      const say = (line: string) => process.stdout.write(line + '\n');
      if (flags.build) await ensureWebBuild(say, (line) => process.stderr.write(line + '\n'));
      const running = await startServe({ config, ...(flags.inProcess ? { inProcess: true } : {}), server: { budgets, uploads, recording }, say });
      if (config.demoKeys) say('keys: the seed demo key (set MIROS_MESH_KEY or --mesh-key-file for a real network)');
      say(`recording: ${running.server.recorder.file}`);
      if (config.tokenGenerated) say('token: generated for this run; it is part of the URL below');
      say(`miroscope is running: open ${running.server.url}`);
      if (!isLoopbackHost(config.host)) {
        const url = new URL(running.server.url);
        url.hostname = hostname();
        say(`from other machines: ${url.href}`);
      }

      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) {
          process.stderr.write('miroscope: forced exit\n');
          process.exit(130);
        }
        stopping = true;
        say(`miroscope: ${signal}, shutting down`);
        running.stop().then(
          () => {
            say('miroscope: stopped');
            process.exit(0);
          },
          (error: unknown) => {
            process.stderr.write(`miroscope: shutdown failed: ${(error as Error).message}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    });
}
