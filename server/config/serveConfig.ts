/**
 * What `miroscope serve` runs with, resolved once from options and the
 * environment, validated, with the reason for each default in one place.
 *
 * Security rule: listening on a loopback address needs no token (only this
 * machine can connect); any other host requires one. If none is given, one
 * is generated and printed once, so the server is never open by accident.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Fernet } from '../net/fernet/Fernet.ts';

/** The key printed on the seed page, documented as a demo key; used when none is configured. */
export const SEED_DEMO_KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';

export const DEFAULT_PORT = 4477;
export const DEFAULT_HOST = '127.0.0.1';

export interface NetworkKeys {
  mesh: string;
  trace: string;
  spy: string;
}

export interface ServeOptions {
  amqp?: string;
  /** A key itself: for programs and tests. The CLI takes keys from files or the environment only (see keyOptions.ts). */
  meshKey?: string;
  traceKey?: string;
  spyKey?: string;
  /** A file holding the key (one line; the CLI's `--mesh-key-file`). */
  meshKeyFile?: string;
  traceKeyFile?: string;
  spyKeyFile?: string;
  port?: number | string;
  host?: string;
  token?: string;
  recordings?: string;
  demo?: boolean | string;
  charts?: string[];
  /** Routing-key pattern the listener binds on the mesh (default `#`: everything). */
  meshBinding?: string;
  /** Size cap for uploaded logs, in bytes. */
  uploadLimit?: number;
}

export interface ServeConfig {
  /** Broker URL, or null to use the in-process bus. */
  amqpUrl: string | null;
  keys: NetworkKeys;
  /** True when every key is the seed's demo key (worth a warning on a real network). */
  demoKeys: boolean;
  port: number;
  host: string;
  /** Required from every client when set. */
  token: string | null;
  /** True when the token was generated here (so it must be printed). */
  tokenGenerated: boolean;
  recordings: string;
  /** Which demo to run in-process (`seed`, `charger`, `all`), or null. */
  demo: DemoChoice | null;
  charts: string[];
  meshBinding: string;
  uploadLimit: number;
}

export type DemoChoice = 'seed' | 'charger' | 'all';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function resolveServeConfig(options: ServeOptions, env: NodeJS.ProcessEnv = process.env): ServeConfig {
  const mesh = checkKey('mesh', keyFrom('mesh', options.meshKey, options.meshKeyFile, env, 'MIROS_MESH_KEY') ?? SEED_DEMO_KEY);
  // As in miros-rabbitmq: a mesh key alone serves all three networks.
  const trace = checkKey('snoop trace', keyFrom('snoop trace', options.traceKey, options.traceKeyFile, env, 'MIROS_TRACE_KEY') ?? mesh);
  const spy = checkKey('snoop spy', keyFrom('snoop spy', options.spyKey, options.spyKeyFile, env, 'MIROS_SPY_KEY') ?? mesh);
  const host = options.host ?? DEFAULT_HOST;
  const port = Number(options.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`invalid port ${options.port}`);
  let token = options.token ?? env.MIROSCOPE_TOKEN ?? null;
  if (token !== null && token.length < 8) throw new ConfigError('a token must be at least 8 characters');
  let tokenGenerated = false;
  if (token === null && !isLoopbackHost(host)) {
    token = randomBytes(18).toString('base64url');
    tokenGenerated = true;
  }
  const amqpUrl = options.amqp ?? env.AMQP_URL ?? null;
  // A comma-separated list is a cluster's nodes: each must be a broker URL.
  if (amqpUrl !== null && !amqpUrl.split(',').every((u) => u.trim() === '' || /^amqps?:\/\//.test(u.trim()))) {
    throw new ConfigError('the broker URL must start with amqp:// or amqps://');
  }
  return {
    amqpUrl,
    keys: { mesh, trace, spy },
    demoKeys: mesh === SEED_DEMO_KEY && trace === SEED_DEMO_KEY && spy === SEED_DEMO_KEY,
    port,
    host,
    token,
    tokenGenerated,
    recordings: path.resolve(options.recordings ?? env.MIROSCOPE_RECORDINGS ?? 'recordings'),
    demo: parseDemo(options.demo),
    charts: options.charts ?? [],
    meshBinding: options.meshBinding ?? '#',
    uploadLimit: options.uploadLimit ?? 50 * 1024 * 1024,
  };
}

/** A key file holds one 44-character key; anything past this is not one (and is not read whole). */
const KEY_FILE_LIMIT = 4096;

/**
 * One network's key: given directly, else from its file (option, then
 * `<VAR>_FILE`), else from `<VAR>`; undefined when none is set. Files and
 * the environment keep a key out of the process list, where any user of
 * the machine can read a command line.
 */
function keyFrom(
  network: string, key: string | undefined, file: string | undefined, env: NodeJS.ProcessEnv, variable: string,
): string | undefined {
  if (key !== undefined && file !== undefined) throw new ConfigError(`the ${network} key is given twice (a key and a key file): give one`);
  if (key !== undefined) return key;
  const path = file ?? env[`${variable}_FILE`];
  return path === undefined ? env[variable] : readKeyFile(network, path);
}

function readKeyFile(network: string, file: string): string {
  let text: string;
  try {
    if (statSync(file).size > KEY_FILE_LIMIT) {
      throw new ConfigError(`the ${network} key file ${file} is over ${KEY_FILE_LIMIT} bytes: it should hold one key`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`cannot read the ${network} key file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return text.trim();
}

function checkKey(network: string, key: string): string {
  try {
    new Fernet(key);
  } catch {
    // The message must not quote the key: it may be a real one with a typo.
    throw new ConfigError(`the ${network} key is not a Fernet key (32 bytes in url-safe base64, 44 characters)`);
  }
  return key;
}

function parseDemo(value: boolean | string | undefined): DemoChoice | null {
  if (value === undefined || value === false) return null;
  if (value === true) return 'all';
  if (value === 'seed' || value === 'charger' || value === 'all') return value;
  throw new ConfigError(`unknown demo ${value}: use seed, charger or all`);
}
