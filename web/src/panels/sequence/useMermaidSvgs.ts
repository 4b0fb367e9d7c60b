/**
 * Renders Mermaid texts to SVGs for the panel without ever queueing up work:
 * while one render runs, newer texts only replace the pending request, and
 * renders start at most every `minIntervalMs`, so a fast live stream costs
 * one diagram render per interval however many records arrive. Parts are
 * rendered one task each, so no single main-thread block covers them all.
 */
import { useEffect, useRef, useState } from 'react';
import type { Theme } from '../../store/createDashboardStore.ts';
import { renderMermaidSvg } from './mermaidRenderer.ts';

export interface RenderedSvgs {
  svgs: string[];
  /** The Mermaid text each svg was drawn from. */
  texts: readonly string[];
  /** The texts the svgs were made from (to tell whether they are current). */
  key: string;
  error: string | null;
  busy: boolean;
  /** True when `svgs` show the latest texts asked for. */
  current: boolean;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useMermaidSvgs(parts: readonly string[], theme: Theme, minIntervalMs: number): RenderedSvgs {
  const key = `${theme}\u0000${parts.join('\u0001')}`;
  const [result, setResult] = useState<Omit<RenderedSvgs, 'current'>>({ svgs: [], texts: [], key: '', error: null, busy: false });
  const wanted = useRef({ key, parts, theme });
  wanted.current = { key, parts, theme };
  const running = useRef(false);
  const lastStart = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  useEffect(() => {
    const run = async () => {
      timer.current = null;
      if (running.current || !mounted.current) return;
      const job = wanted.current;
      running.current = true;
      lastStart.current = performance.now();
      setResult((r) => ({ ...r, busy: true }));
      try {
        const svgs: string[] = [];
        const started = performance.now();
        for (const text of job.parts) {
          svgs.push(await renderMermaidSvg(text, job.theme));
          await yieldToPage();
        }
        // Visible in the performance timeline (and counted by the web benchmark).
        performance.measure('miroscope:sequence-render', { start: started, end: performance.now() });
        if (mounted.current) setResult({ svgs, texts: job.parts, key: job.key, error: null, busy: false });
      } catch (error) {
        if (mounted.current) setResult({ svgs: [], texts: [], key: job.key, error: (error as Error).message, busy: false });
      } finally {
        running.current = false;
      }
      // Something newer arrived meanwhile: go again (not sooner than the interval).
      if (mounted.current && wanted.current.key !== job.key) schedule();
    };
    const schedule = () => {
      if (timer.current || running.current) return;
      const wait = Math.max(0, lastStart.current + minIntervalMs - performance.now());
      timer.current = setTimeout(() => void run(), wait);
    };
    if (result.key !== key) schedule();
  }, [key, minIntervalMs, result.key]);

  return { ...result, current: result.key === key && !result.busy };
}
