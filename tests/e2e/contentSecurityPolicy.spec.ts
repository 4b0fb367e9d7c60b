/**
 * The dashboard under its Content-Security-Policy (server/http/securityHeaders.ts):
 * everything a replay exercises (the parse workers, ELK's worker, Mermaid's
 * SVG with its styles, the PNG export drawing from a blob: URL) works with no
 * policy violation. A violation would show up here before it silently broke
 * one panel for users.
 */
import { expect, test } from '@playwright/test';
import { fixtureLog, replayFile, sequenceReady } from './support.ts';

test('a replay with diagrams and a PNG export runs without a policy violation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const consoleViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });

  const response = await page.goto('/');
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
  await replayFile(page, fixtureLog('seed-two-charts-trace.log'));
  await sequenceReady(page);
  await expect(page.getByTestId('statechart-svg')).toBeVisible();
  await page.getByTestId('sequence-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);

  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect([...violations, ...consoleViolations]).toEqual([]);
});
