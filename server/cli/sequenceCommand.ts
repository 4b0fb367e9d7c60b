/**
 * `miroscope sequence <log|->`: any saved log (miros trace, miros-rabbitmq
 * terminal output with or without colour, Python logging, older traces, our
 * JSON-lines recordings) as sequence diagrams, numbered in arrival order.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { DIAGRAM_FORMATS, diagramText, renderDiagram, type DiagramRequest } from '../http/renderDiagram.ts';

interface SequenceFlags {
  format: DiagramRequest['format'];
  chart?: string;
  system?: boolean;
  order: 'arrival' | 'timestamp';
  from?: string;
  to?: string;
  output?: string;
}

export function sequenceCommand(): Command {
  return new Command('sequence')
    .description('draw sequence diagrams from a saved log (any supported format), numbered in arrival order')
    .argument('<log>', 'the log file, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'renderer').choices(DIAGRAM_FORMATS).default('ascii'))
    .option('-c, --chart <name>', 'only this chart')
    .option('-s, --system', 'the system view: charts as lifelines, mesh messages as arrows, state changes as notes (ascii or mermaid)')
    .addOption(new Option('--order <order>', 'step numbering').choices(['arrival', 'timestamp']).default('arrival'))
    .option('--from <seq>', 'only records from this seq (line order in the file)')
    .option('--to <seq>', 'only records up to this seq')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      `
Examples:
  npx miroscope sequence trace.log
  npx miroscope sequence trace.log --chart 04ccc_ao
  npx miroscope sequence trace.log --format ascii-compat      # byte-identical to the sequence tool
  npx miroscope sequence trace.log --format mermaid --system -o system.mmd
  python3 my_chart.py | npx miroscope sequence -

Warnings (lines that could not be read, lines the sequence tool would lose)
go to standard error; the diagram goes to standard output or --output.`,
    )
    .action(async (log: string, flags: SequenceFlags) => {
      const text = log === '-' ? await readStdin() : await readFile(log, 'utf8');
      const parsed = parseLog(text, { file: log === '-' ? 'stdin' : log });
      const request: DiagramRequest = { format: flags.format, order: flags.order, sourceText: text };
      if (flags.system) request.system = true;
      if (flags.chart !== undefined) request.chart = flags.chart;
      if (flags.from !== undefined) request.fromSeq = seqOption('--from', flags.from);
      if (flags.to !== undefined) request.toSeq = seqOption('--to', flags.to);
      const diagram = renderDiagram(parsed.records, request);
      for (const error of parsed.errors.slice(0, 20)) {
        process.stderr.write(`warning: line ${error.line}: ${error.message}\n`);
      }
      if (parsed.errors.length > 20) process.stderr.write(`warning: … ${parsed.errors.length - 20} more unreadable lines\n`);
      for (const warning of diagram.warnings) process.stderr.write(`warning: ${warning}\n`);
      if (diagram.parts.length === 0) process.stderr.write('no transitions to draw\n');
      const out = diagramText(diagram);
      if (flags.output) await writeFile(flags.output, out);
      else process.stdout.write(out);
    });
}

function seqOption(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
