/**
 * The seed examples' `time.sleep(20)`: let a started networked chart run
 * for the given seconds (or until Ctrl-C / SIGTERM, or until the chart dies),
 * then stop it cleanly — queued events run, the worker exits, the
 * transports close — and say on stderr what the network did (stdout
 * carries only the snoop lines). A chart whose step threw has already been
 * reported by its active object; the run ends with exit code 1.
 */
import type { NetworkedActiveObject } from '../server/net/charts/NetworkedActiveObject.ts';
import type { NetworkedFactory } from '../server/net/charts/NetworkedFactory.ts';

export async function seedChartRun(chart: NetworkedActiveObject | NetworkedFactory, seconds: number): Promise<void> {
  console.error(`${chart.name}: running ${seconds} s on ${chart.network.broker ?? 'no network'} (Ctrl-C stops it)`);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(finish, seconds * 1000);
    const watch = setInterval(() => chart.isRunning || finish(), 250);
    process.once('SIGINT', finish);
    process.once('SIGTERM', finish);
    function finish(): void {
      clearTimeout(timer);
      clearInterval(watch);
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      resolve();
    }
  });
  try {
    await chart.stop();
  } catch (error) {
    console.error(`${chart.name}: the chart failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  const c = chart.networkCounters();
  console.error(
    `${chart.name}: stopped; published ${JSON.stringify(c.published.mesh)} on the mesh, ${JSON.stringify(c.published.trace)} trace, ${JSON.stringify(c.published.spy)} spy; received ${JSON.stringify(c.received)}, ` +
      `posted ${c.posted}, ignored ${JSON.stringify(c.ignored)}, rejected ${JSON.stringify(c.rejected)}, missed ${c.missed}, ` +
      `reconnects ${c.reconnects}${c.lastError ? `, last error: ${c.lastError}` : ''}`,
  );
}
