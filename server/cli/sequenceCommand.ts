/**
 * `miroscope sequence <log|->`: any saved log (miros trace, miros-rabbitmq
 * terminal output with or without colour, Python logging, older traces, our
 * JSON-lines recordings) as sequence diagrams, numbered in arrival order.
 *
 * The diagram comes from the shared pipeline (the dashboard's exports and
 * `GET …/diagram` use the same), framed as one document — several Mermaid
 * diagrams as Markdown, since Mermaid reads one per text — or, with
 * `--out DIR`, one file per diagram. Its size is checked before it is
 * drawn (`--max-size`).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { diagramDocument, diagramFiles } from '../../shared/sequence/diagram/diagramDocument.ts';
import { DEFAULT_DIAGRAM_MAX_CHARS } from '../../shared/sequence/diagram/renderDiagram.ts';
import { DiagramTooLarge } from '../../shared/sequence/draw/DiagramTooLarge.ts';
import { DIAGRAM_FORMATS, renderDiagram, type DiagramRequest } from '../http/renderDiagram.ts';

interface SequenceFlags {
  format: DiagramRequest['format'];
  chart?: string;
  system?: boolean;
  order: 'arrival' | 'timestamp';
  from?: string;
  to?: string;
  output?: string;
  out?: string;
  maxSize: string;
  inferred: boolean;
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
    .option('-o, --output <file>', 'write to a file instead of standard output (several Mermaid diagrams: Markdown)')
    .option('--out <dir>', 'write one file per diagram into this folder (01-<chart>.mmd, …)')
    .option('--no-inferred', 'draw no inferred arrows (other_<signal> receptions paired with a plausible send when the log has no mesh records)')
    .option('--max-size <MB>', 'refuse a diagram larger than this', String(DEFAULT_DIAGRAM_MAX_CHARS / 2 ** 20))
    .addHelpText(
      'after',
      `
Examples:
  npx miroscope sequence trace.log
  npx miroscope sequence trace.log --chart 04ccc_ao
  npx miroscope sequence trace.log --format ascii-compat      # byte-identical to the sequence tool
  npx miroscope sequence trace.log --format mermaid --system -o system.mmd
  npx miroscope sequence trace.log --format mermaid --out diagrams/   # one .mmd per chart
  npx miroscope sequence big.log --from 5000 --to 6000               # a range of records
  python3 my_chart.py | npx miroscope sequence -

Several Mermaid diagrams (one per chart, or a long one in parts) are written
as Markdown, one \`\`\`mermaid block under a heading each; --out writes them
as separate .mmd files instead.
Warnings (lines that could not be read, lines the sequence tool would lose)
go to standard error; the diagram goes to standard output or --output.`,
    )
    .action(async (log: string, flags: SequenceFlags) => {
      const text = log === '-' ? await readStdin() : await readFile(log, 'utf8');
      const parsed = parseLog(text, { file: log === '-' ? 'stdin' : log });
      const maxChars = sizeOption(flags.maxSize);
      const request: DiagramRequest = {
        format: flags.format,
        order: flags.order,
        sourceText: text,
        source: log === '-' ? 'stdin' : path.basename(log),
        maxChars,
      };
      if (flags.system) request.system = true;
      if (!flags.inferred) request.inferred = false;
      if (flags.chart !== undefined) request.chart = flags.chart;
      if (flags.from !== undefined) request.fromSeq = seqOption('--from', flags.from);
      if (flags.to !== undefined) request.toSeq = seqOption('--to', flags.to);
      let diagram;
      try {
        diagram = renderDiagram(parsed.records, request);
      } catch (error) {
        if (!(error instanceof DiagramTooLarge)) throw error;
        const mermaid = flags.format === 'mermaid' ? '' : ', or --format mermaid (text that grows with the steps only)';
        throw new Error(
          `${error.message}: narrow it with --from/--to SEQ (a range of records) or --chart NAME (one chart)${mermaid}; ` +
            'or raise --max-size',
        );
      }
      for (const error of parsed.errors.slice(0, 20)) {
        process.stderr.write(`warning: line ${error.line}: ${error.message}\n`);
      }
      if (parsed.errors.length > 20) process.stderr.write(`warning: … ${parsed.errors.length - 20} more unreadable lines\n`);
      for (const warning of diagram.warnings) process.stderr.write(`warning: ${warning}\n`);
      if (diagram.parts.length === 0) process.stderr.write('no transitions to draw\n');
      if (flags.out !== undefined) {
        await mkdir(flags.out, { recursive: true });
        for (const file of diagramFiles(diagram)) await writeFile(path.join(flags.out, file.name), file.text);
        return;
      }
      const document = diagramDocument(diagram);
      if (flags.output) {
        if (document.markdown && /\.mmd$/i.test(flags.output)) {
          process.stderr.write(`note: ${diagram.parts.length} diagrams, written as Markdown (one mermaid block each); use --out DIR for one .mmd file per diagram\n`);
        }
        await writeFile(flags.output, document.text);
      } else process.stdout.write(document.text);
    });
}

function seqOption(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

function sizeOption(value: string): number {
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error('--max-size must be a positive number of megabytes');
  return Math.floor(mb * 2 ** 20);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
