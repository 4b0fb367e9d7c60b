/**
 * Mermaid, loaded on first use (it is most of the page's weight) and run one
 * diagram at a time (its renderer keeps global state). Labels are plain SVG
 * text, never HTML in a foreignObject, so an SVG can be drawn onto a canvas
 * for the PNG export.
 */
import type { Theme } from '../../store/createDashboardStore.ts';

type Mermaid = (typeof import('mermaid'))['default'];

let loading: Promise<Mermaid> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let configuredTheme: Theme | null = null;
let counter = 0;

function load(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading;
}

function configure(mermaid: Mermaid, theme: Theme): void {
  if (configuredTheme === theme) return;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: theme === 'dark' ? 'dark' : 'default',
    htmlLabels: false,
    maxTextSize: 50_000_000,
    maxEdges: 1_000_000,
    sequence: { useMaxWidth: false, showSequenceNumbers: false, mirrorActors: false, wrap: false },
  });
  configuredTheme = theme;
}

/** Renders one Mermaid text to an SVG string. Calls queue behind each other. */
export function renderMermaidSvg(text: string, theme: Theme): Promise<string> {
  const run = queue.then(async () => {
    const mermaid = await load();
    configure(mermaid, theme);
    const { svg } = await mermaid.render(`miroscope-seq-${++counter}`, text);
    return svg;
  });
  queue = run.catch(() => undefined);
  return run;
}
