/**
 * Issue 12's acceptance, from the page: send `other_to_inner` to the demo's
 * outer/inner chart (`xxxxx_ao`) with the Send event control on the
 * statechart panel; the chart transitions outer → inner on it, and the event
 * appears numbered in the sequence view's System diagram as a message from
 * the `operator` lifeline.
 *
 * In `inner` the seed chart handles other_to_inner without a transition, and
 * its own timer moves it every 2–7 s, so the event is sent just after the
 * chart entered `outer`; if the timer got there first (the chart's next
 * transition is not ours), the send is tried again.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { chartNamed, chartRow, openLive, screenshot, SEED_AO, sequenceReady } from './support.ts';

const ATTEMPTS = 5;

/** The live session's records so far, from the server's own recording. */
async function liveRecords(request: APIRequestContext): Promise<MirosRecord[]> {
  const health = (await (await request.get('/api/health')).json()) as { recording: { name: string } };
  const text = await (await request.get(`/api/recordings/${encodeURIComponent(health.recording.name)}`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as MirosRecord);
}

/**
 * Sends the event from the page just after the chart entered `outer` (by the
 * server's records, which a loaded page may trail by seconds), so its own
 * 2–7 s timer is unlikely to move it first; the message id the server gave it.
 */
async function sendWhileOuter(page: Page, request: APIRequestContext, chart: string): Promise<string> {
  await expect
    .poll(
      async () => {
        const last = (await liveRecords(request)).filter((r) => r.kind === 'trace' && r.chart === chart).at(-1);
        // Within 3 s: one read of the whole recording can take a second on a loaded
        // machine, and the chart's own timer waits at least 2 s (a lost race is retried).
        return last?.kind === 'trace' && last.to === 'outer' && Date.now() - last.received < 3000;
      },
      { timeout: 45_000, intervals: [100], message: `${chart} enters outer` },
    )
    .toBe(true);
  await page.getByTestId('send-button').click();
  const status = page.getByTestId('send-status');
  await expect(status).toHaveAttribute('data-status', 'sent');
  await expect(status).toHaveText('sent other_to_inner via heya.man');
  return (await status.getAttribute('data-messages'))!;
}

test('an event sent from the page moves the seed chart and shows in the sequence view as sent by the operator', async ({ page, request }) => {
  // Up to ATTEMPTS waits for the chart's 2–7 s timers, then an export of the whole live session.
  test.setTimeout(300_000);
  await openLive(page);
  const ao = await chartNamed(page, SEED_AO);
  await chartRow(page, ao).click();
  await expect(page.getByTestId('statechart-chart')).toHaveValue(ao);

  await page.getByTestId('send-event-open').click();
  // The chart's own timer signal is proposed once it has moved on it.
  await expect.poll(() => page.locator('[data-testid=send-proposals] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), { timeout: 30_000 }).toContain('to_inner');
  await page.getByTestId('send-signal').fill('other_to_inner');
  await screenshot(page, 'send-event-form.png');

  let step: MirosRecord | undefined;
  let sent: MirosRecord | undefined;
  const seen: string[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS && !step; attempt++) {
    const messageId = await sendWhileOuter(page, request, ao);
    // The server hears its own message back from the broker: a mesh record from `operator`.
    await expect.poll(async () => (sent = (await liveRecords(request)).find((r) => r.kind === 'mesh' && r.correlation?.messageId === messageId)) !== undefined).toBe(true);
    expect(sent).toMatchObject({ kind: 'mesh', chart: 'operator', node: 'operator@loopback', signal: 'other_to_inner', payload: null, sender: '127.0.0.1', routingKey: 'heya.man' });
    // The chart's next transition after it: ours, unless its timer beat us to `inner`.
    let next: MirosRecord | undefined;
    await expect.poll(async () => (next = (await liveRecords(request)).find((r) => r.kind === 'trace' && r.chart === ao && r.seq > sent!.seq)) !== undefined, { timeout: 20_000 }).toBe(true);
    seen.push(next!.raw);
    if (next!.kind === 'trace' && next!.signal === 'other_to_inner' && next!.from === 'outer' && next!.to === 'inner') step = next;
  }
  expect(step, `${ao} moved outer → inner on the operator's other_to_inner within ${ATTEMPTS} attempts; its next transitions were: ${seen.join(' | ')}`).toBeDefined();

  // Hold the view still (a step back and forward fixes the cursor) once the page has the step:
  // a live System diagram of 500 events is redrawn with every arrival and would never settle.
  await page.waitForTimeout(2000);
  await page.locator('body').press('ArrowLeft');
  await page.locator('body').press('ArrowRight');

  // The System view numbers it as a message from the `operator` lifeline.
  await page.getByTestId('sequence-view').selectOption('system');
  await page.getByTestId('sequence-window').selectOption('500');
  await sequenceReady(page);
  const diagram = page.getByTestId('sequence-diagram');
  await expect(diagram.locator('text.actor', { hasText: /^operator$/ }).first()).toBeVisible();
  await page.getByTestId('sequence-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-mermaid').click()]);
  const mermaid = readFileSync((await download.path())!, 'utf8');
  const operatorId = /participant (\S+) as operator$/m.exec(mermaid)?.[1];
  expect(operatorId, 'the System diagram has an operator participant').toBeDefined();
  const aoId = new RegExp(`participant (\\S+) as ${ao}( \\([A-Z]+\\))?$`, 'm').exec(mermaid)?.[1];
  // The last of the operator's other_to_inner messages is the one that moved the chart (earlier attempts did not).
  const messages = [...mermaid.matchAll(new RegExp(`^\\s*${operatorId}->>\\S+: (\\d+): other_to_inner\\(\\)$`, 'gm'))];
  expect(messages.length, 'a numbered other_to_inner message from the operator').toBeGreaterThan(0);
  const n = messages.at(-1)![1];
  // The chart's transition is numbered too, and says which message it received.
  expect(mermaid).toMatch(new RegExp(`Note over ${aoId}: \\d+: other_to_inner\\(\\): outer → inner \\(received ${n}\\)`));
  await expect(diagram.locator('text.messageText', { hasText: new RegExp(`^${n}: other_to_inner\\(\\)$`) }).first()).toBeAttached();
  await screenshot(page, 'send-event-sequence.png');
});
