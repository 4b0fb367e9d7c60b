/**
 * How the commands take the networks' Fernet keys: from a file
 * (`--mesh-key-file PATH`, or `MIROS_MESH_KEY_FILE`) or from the environment
 * (`MIROS_MESH_KEY`), never from the command line.
 *
 * A command line is readable by every user of the machine (`ps`,
 * /proc/PID/cmdline) for as long as the process runs, so `--mesh-key KEY`
 * would publish the key that lets anyone read and forge the mesh. The old
 * `--mesh-key`/`--trace-key`/`--spy-key` options are still recognised, but
 * only to refuse them with a message that says what to use instead: a
 * refusal is seen before deploying, a warning scrolls by while the key sits
 * in the process list for days.
 */
import type { Command } from 'commander';
import { ConfigError, type ServeOptions } from '../config/serveConfig.ts';

export interface KeyFlags {
  meshKey?: string;
  traceKey?: string;
  spyKey?: string;
  meshKeyFile?: string;
  traceKeyFile?: string;
  spyKeyFile?: string;
}

const NETWORKS = [
  { flag: 'mesh', variable: 'MIROS_MESH_KEY', about: 'the mesh (default: MIROS_MESH_KEY, else the seed demo key)' },
  { flag: 'trace', variable: 'MIROS_TRACE_KEY', about: 'the snoop trace network (default: MIROS_TRACE_KEY, else the mesh key)' },
  { flag: 'spy', variable: 'MIROS_SPY_KEY', about: 'the snoop spy network (default: MIROS_SPY_KEY, else the mesh key)' },
] as const;

/** Adds `--mesh-key-file` and its kin, and the refused `--mesh-key` and kin (--help says why). */
export function addKeyOptions(command: Command): Command {
  for (const { flag, about } of NETWORKS) {
    command.option(`--${flag}-key-file <path>`, `file holding the Fernet key of ${about}`);
  }
  for (const { flag } of NETWORKS) {
    command.option(`--${flag}-key <key>`, `refused: a key on the command line is visible in ps; use --${flag}-key-file`);
  }
  return command;
}

/** The key files to resolve; a ConfigError when a key was given on the command line. */
export function keyOptions(flags: KeyFlags): Pick<ServeOptions, 'meshKeyFile' | 'traceKeyFile' | 'spyKeyFile'> {
  const given = { mesh: flags.meshKey, trace: flags.traceKey, spy: flags.spyKey };
  for (const { flag, variable } of NETWORKS) {
    if (given[flag] !== undefined) {
      // Never quote the key: the message goes to the terminal and to logs.
      throw new ConfigError(
        `--${flag}-key is refused: a key on the command line is visible to every user of this machine (ps). ` +
          `Put the key in a file readable only by you and give --${flag}-key-file PATH, or set ${variable}.`,
      );
    }
  }
  return { meshKeyFile: flags.meshKeyFile, traceKeyFile: flags.traceKeyFile, spyKeyFile: flags.spyKeyFile };
}
