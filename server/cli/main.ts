/**
 * The `miroscope` command line: one commander program, one file per command.
 *
 *   miroscope serve      the dashboard server (listener, relay, recorder, demo)
 *   miroscope sequence   a saved log as numbered sequence diagrams
 *   miroscope diff       where two runs parted ways, chart by chart
 *   miroscope tail       live [+t]/[+s] lines from the network, like snoop output
 *   miroscope send       an event into the live charts, through a running serve
 *   miroscope keygen     a new Fernet key
 */
import { Command, CommanderError } from 'commander';
import { diffCommand } from './diffCommand.ts';
import { keygenCommand } from './keygenCommand.ts';
import { sendCommand } from './sendCommand.ts';
import { sequenceCommand } from './sequenceCommand.ts';
import { serveCommand } from './serveCommand.ts';
import { tailCommand } from './tailCommand.ts';

export function buildProgram(): Command {
  return new Command('miroscope')
    .description('watch networked miros statecharts: dashboard, recordings, sequence diagrams')
    .showHelpAfterError()
    .addCommand(serveCommand())
    .addCommand(sequenceCommand())
    .addCommand(diffCommand())
    .addCommand(tailCommand())
    .addCommand(sendCommand())
    .addCommand(keygenCommand());
}

/** Runs the CLI with `argv` as in process.argv; sets the exit code. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().exitOverride().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`miroscope: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
