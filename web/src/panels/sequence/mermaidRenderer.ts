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
/** Fonts every system has, so the PNG export (an SVG drawn on a canvas) measures like the page. */
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

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
    themeVariables: { fontFamily: FONT, fontSize: '13px' },
    // The sequence renderer copies the top-level font onto actors, messages and notes.
    fontFamily: FONT,
    fontSize: 13,
    // Denser than Mermaid's defaults (16 px text, 50 px boxes), in line with the page.
    sequence: {
      useMaxWidth: false,
      showSequenceNumbers: false,
      mirrorActors: false,
      wrap: false,
      diagramMarginX: 8,
      diagramMarginY: 6,
      actorMargin: 40,
      width: 110,
      height: 34,
      boxMargin: 6,
      noteMargin: 6,
      messageMargin: 30,
    },
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
