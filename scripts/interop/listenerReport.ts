/**
 * What `py_listen.py` reported: one JSON line per delivery (an item, or an
 * `error` for a body the library could not decrypt or unpickle, or
 * `consumer_crashed` when a consumer thread's pika ioloop died), then a
 * summary line with per-network counts. The listener's exit status says
 * the same in one number; the lines say what to print.
 */
export interface ListenerSummary {
  ok: number;
  failed_deliveries: number;
  strict_violations: number;
  counts: { trace: number; spy: number; mesh: number };
  consumer_crashes: { kind: string; error: string; at_s: number }[];
  pika: string;
}

export interface ListenerReport {
  summary: ListenerSummary | null;
  /** Decoded items in arrival order (`kind`, `item` for trace/spy, `ip`/`event` for mesh). */
  items: Record<string, unknown>[];
  /** Failures as the listener printed them (decode errors, crashes, strict problems), first 10. */
  problems: string[];
}

export function listenerReport(stdout: string): ListenerReport {
  const report: ListenerReport = { summary: null, items: [], problems: [] };
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      report.problems.push(`unreadable listener line: ${line.slice(0, 200)}`);
      continue;
    }
    if (record.summary === true) report.summary = record as unknown as ListenerSummary;
    else if ('error' in record || 'consumer_crashed' in record) report.problems.push(JSON.stringify(record).slice(0, 400));
    else {
      if ('strict_problems' in record) report.problems.push(`${String(record.kind)}: ${JSON.stringify(record.strict_problems).slice(0, 400)}`);
      report.items.push(record);
    }
  }
  report.problems = report.problems.slice(0, 10);
  return report;
}
