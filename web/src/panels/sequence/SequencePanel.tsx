/**
 * Numbered sequence diagrams from the shared model: every chart's own
 * diagram, one chart, or the system view (charts as lifelines). Drawn with
 * Mermaid over a bounded window — the latest N events up to the cursor, or
 * the range chosen on the timeline — so a long run never freezes the page;
 * "all (scroll)" draws the whole run with our virtual renderer
 * (VirtualSequence.tsx), where scrolling moves the cursor. Exports are
 * always Mermaid/ASCII and cover the chosen range (or everything up to the
 * cursor).
 */
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import { useRecordsView } from '../../panelApi/useRecords.ts';
import { useRange, useSequenceView } from '../../panelApi/useSelection.ts';
import { useTheme } from '../../panelApi/usePreferences.ts';
import { useSourceStatus } from '../../panelApi/useSourceStatus.ts';
import { ChartPicker } from '../../ui/ChartPicker.tsx';
import { chartIndex } from '../../panelApi/recordIndexes.ts';
import { advanceSequenceBuilder, sequenceBuilderFor } from './sequenceBuilderFor.ts';
import { useCaughtUp, type CatchUpStep } from '../../panelApi/useCaughtUp.ts';
import { DEFAULT_WINDOW, displayModel, drawsVirtual, exportWindow, SCROLL_ALL, WINDOW_SIZES, type SequenceView } from './sequenceWindow.ts';
import { VirtualSequence } from './VirtualSequence.tsx';
import { useVirtualRows } from './useVirtualRows.ts';
import { panelParts, exportSequence } from './exportSequence.ts';
import { DiagramTooLarge } from '../../../../shared/sequence/draw/DiagramTooLarge.ts';
import type { SequenceModel } from '../../../../shared/sequence/SequenceModel.ts';
import { compatInputText } from './compatInputText.ts';
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from './exportFormats.ts';
import { downloadBlob } from './downloadBlob.ts';
import { useMermaidSvgs } from './useMermaidSvgs.ts';
import { diagramCaption } from './diagramCaption.ts';
import { useChartColors } from '../../panelApi/chartColor.ts';
import { useCursor } from '../../panelApi/useCursor.ts';
import { labelNumber, seqOfNumber, windowSpan } from './sequenceFocus.ts';
import { withoutInferred } from '../../../../shared/sequence/model/withoutInferred.ts';
import { INFERENCE_NOTE } from '../../../../shared/sequence/model/inferReceptions.ts';
import './SequencePanel.css';

/** Fewest ms between two diagram renders while records stream in. */
const RENDER_INTERVAL_MS = 400;

/** The drawn width Mermaid gave the SVG, so "fit" can stop shrinking where text turns unreadable (see the CSS). */
function naturalWidth(svg: string): number {
  return Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 0);
}

/** The index this panel reads: numbered in slices once a replay has loaded (see useCaughtUp). */
const INDEXES: readonly CatchUpStep[] = [advanceSequenceBuilder];

/** One object, so memos keyed on the view do not re-run for a fresh `{ kind: 'all' }`. */
const ALL_CHARTS: SequenceView = { kind: 'all' };
const FIXED_VIEWS = [
  { value: 'all', label: 'All charts' },
  { value: 'system', label: 'System (charts as lifelines)' },
];

function viewKey(view: SequenceView): string {
  return view.kind === 'chart' ? `chart:${view.chart}` : view.kind;
}

function parseView(key: string): SequenceView {
  if (key.startsWith('chart:')) return { kind: 'chart', chart: key.slice(6) };
  return key === 'system' ? { kind: 'system' } : { kind: 'all' };
}

export default function SequencePanel() {
  const { log, end, length } = useRecordsView();
  const [range] = useRange();
  const [theme] = useTheme();
  const { label, kind } = useSourceStatus();
  // In the store, so a shared URL carries it; parsed once per change (memos key on the object).
  const [viewText, setViewText] = useSequenceView();
  const chosenView = useMemo(() => parseView(viewText), [viewText]);
  const [size, setSize] = useState<number>(DEFAULT_WINDOW);
  const [exportNote, setExportNote] = useState<string | null>(null);
  // Fit: wide system views shrink to the panel instead of scrolling sideways.
  const [fit, setFit] = useState(true);
  // Inferred arrows (other_… receptions with no mesh record, see inferReceptions): shown, marked, unless turned off.
  const [inferred, setInferred] = useState(true);
  // Repeated exchange cycles drawn once with "×N" (system view, off by default: every number stays on screen).
  const [collapse, setCollapse] = useState(false);
  const shape = (model: SequenceModel) => (inferred ? model : withoutInferred(model));
  const colors = useChartColors();
  const charts = useMemo(() => chartIndex(log).names.slice(), [log, length]);
  // A chart chosen in another source (the live stream before this replay) that this log never heard of.
  const view: SequenceView = chosenView.kind === 'chart' && !chartIndex(log).byName.has(chosenView.chart) ? ALL_CHARTS : chosenView;
  const viewOptions = useMemo(() => [...FIXED_VIEWS, ...charts.map((c) => ({ value: `chart:${c}`, label: c }))], [charts]);

  const { ready, waitingForLoad } = useCaughtUp(INDEXES);
  const virtual = drawsVirtual(size);

  const shown = useMemo(() => {
    // No diagram while a replay loads or the builder catches up: one render at the end.
    if (!ready || virtual) return null;
    const builder = sequenceBuilderFor(log);
    const drawn = displayModel(builder, log, end, range, size, view);
    if (!drawn) return null;
    const model = shape(drawn);
    const span = windowSpan(model, view);
    if (!span) return null;
    const parts = panelParts(model, view, collapse);
    const guesses = model.system.items.filter((i) => i.type === 'message' && i.inferred).length;
    return { model, span, parts: parts.map((p) => p.text), headings: parts.map((p) => ({ chart: p.chart, text: p.heading })), numbers: span.drawn, total: builder.size, guesses };
    // `length` is listed because the builder catches up with new records.
  }, [log, end, length, range, size, view, ready, inferred, collapse, virtual]);

  // The virtual view: the whole run (or range), in rows (see useVirtualRows).
  const scrolled = useVirtualRows({ enabled: ready && virtual, log, length, range, view, inferred, shape });

  const rendered = useMermaidSvgs(shown?.parts ?? [], theme, RENDER_INTERVAL_MS);
  const first = shown?.span.first ?? null;
  const last = shown?.span.last ?? null;
  const current = shown?.span.current ?? null;
  const cursor = useCursor();
  const scrollRef = useRef<HTMLDivElement>(null);

  // Follow the cursor: mark the current event's label and bring it into view,
  // once per new drawing or current event (so scrolling by hand is not undone).
  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box || !rendered.current) return;
    let target: Element | null = null;
    for (const label of box.querySelectorAll('text.messageText, text.noteText')) {
      const mine = current !== null && labelNumber(label.textContent) === current;
      label.classList.toggle('sequence-current', mine);
      if (mine) target = label;
    }
    if (!target) return;
    const at = target.getBoundingClientRect();
    const frame = box.getBoundingClientRect();
    if (at.top < frame.top || at.bottom > frame.bottom) box.scrollTop += at.top - frame.top - frame.height / 2;
    if (at.left < frame.left || at.right > frame.right) box.scrollLeft += at.left - frame.left - frame.width / 3;
  }, [rendered.svgs, rendered.current, current]);

  // A click on a numbered label moves the cursor to that event.
  const seekToLabel = (event: MouseEvent<HTMLDivElement>) => {
    const label = (event.target as Element).closest('text');
    const n = labelNumber(label?.textContent);
    if (n === null || !shown) return;
    const seq = seqOfNumber(shown.model, n);
    if (seq !== undefined) cursor.seek(log.countThroughSeq(seq));
  };

  const runExport = async (format: ExportFormat) => {
    const window = exportWindow(log, end, range, view);
    if (!window) return;
    setExportNote(`exporting ${format}…`);
    try {
      const model = shape(sequenceBuilderFor(log).window(window));
      const from = range ? range.from : 0;
      const to = range ? Math.min(range.to, end) : end;
      const compatText = format === 'ascii-compat' ? compatInputText(log, from, to, view.kind === 'chart' ? view.chart : null) : '';
      const out = await exportSequence({ format, model, view, source: label, compatText, collapseRepeats: collapse });
      let name = exportFileName(label, viewKey(view).replace('chart:', ''), format);
      if (out.markdown) name = name.replace(/\.mmd$/, '.md');
      downloadBlob(out.blob, name);
      setExportNote(out.warnings.length > 0 ? out.warnings.join('\n') : null);
    } catch (error) {
      const hint = error instanceof DiagramTooLarge ? ': choose a range on the timeline, or one chart' : '';
      setExportNote(`export failed: ${(error as Error).message}${hint}`);
    }
  };

  const guesses = (virtual ? scrolled?.guesses : shown?.guesses) ?? 0;

  return (
    <div className="panel-fill sequence-panel">
      <div className="panel-toolbar">
        <ChartPicker label="View" testId="sequence-view" options={viewOptions} value={viewKey(view)} onChange={setViewText} />
        <select
          aria-label="Window"
          data-testid="sequence-window"
          value={size}
          onChange={(e) => setSize(Number(e.target.value))}
          title="How many of the latest events to draw, or the whole run to scroll through (scrolling moves the cursor)"
        >
          {WINDOW_SIZES.map((n) => (
            <option key={n} value={n}>
              latest {n}
            </option>
          ))}
          <option value={SCROLL_ALL}>all (scroll)</option>
        </select>
        <span className="dim" data-testid="sequence-shown">
          {!ready
            ? waitingForLoad
              ? 'loading…'
              : 'numbering…'
            : virtual
              ? scrolled
                ? `${range ? 'range · ' : ''}scrolling ${scrolled.first}–${scrolled.last} of ${scrolled.total}`
                : 'nothing to draw'
              : first === null
                ? 'nothing to draw'
                : `${range ? 'range · ' : ''}showing ${first}–${last} of ${shown!.total}`}
        </span>
        <span className="spacer" />
        {!virtual && (
          <button type="button" data-testid="sequence-fit" aria-pressed={fit} onClick={() => setFit(!fit)} title={fit ? 'Draw at full size (scroll to see it all)' : 'Shrink wide diagrams to the panel width'}>
            {fit ? 'Fit width' : '100%'}
          </button>
        )}
        {view.kind === 'system' && (
          <button
            type="button"
            data-testid="sequence-inferred"
            aria-pressed={inferred}
            onClick={() => setInferred(!inferred)}
            title={`${inferred ? 'Hide' : 'Show'} inferred arrows. ${INFERENCE_NOTE}`}
          >
            Inferred
          </button>
        )}
        {view.kind === 'system' && !virtual && (
          <button
            type="button"
            data-testid="sequence-collapse"
            aria-pressed={collapse}
            onClick={() => setCollapse(!collapse)}
            title={collapse ? 'Draw every repeated exchange' : 'Draw an exchange repeated in a row once, with ×N'}
          >
            Collapse ×N
          </button>
        )}
        <details className="export-menu">
          <summary data-testid="sequence-export">Export ▾</summary>
          <div className="menu">
            <div className="dim menu-note">{range ? `the chosen range (${range.from + 1}–${range.to})` : 'everything up to the cursor'}</div>
            {EXPORT_FORMATS.map((f) => (
              <button
                key={f.format}
                type="button"
                className="menu-item"
                data-testid={`export-${f.format}`}
                onClick={(e) => {
                  (e.currentTarget.closest('details') as HTMLDetailsElement).open = false;
                  void runExport(f.format);
                }}
              >
                {f.label}
              </button>
            ))}
          </div>
        </details>
      </div>
      {view.kind === 'system' && inferred && guesses > 0 && (
        <div className="dim inferred-note" data-testid="sequence-inferred-note">
          {guesses} dashed arrow{guesses === 1 ? '' : 's'} inferred — {INFERENCE_NOTE}
        </div>
      )}
      {exportNote && (
        <div className="export-note" data-testid="export-note">
          {exportNote}
          <button type="button" className="link" onClick={() => setExportNote(null)}>
            ✕
          </button>
        </div>
      )}
      {virtual && scrolled && (
        <VirtualSequence
          rows={scrolled.rows}
          position={end}
          cursorSeq={end > 0 ? log.seqAt(end - 1) : Number.NEGATIVE_INFINITY}
          positionOfRow={(row) => log.countThroughSeq(scrolled.rows.seq[row]!)}
          seek={cursor.seek}
          followLive={kind === 'live' ? cursor.goLatest : undefined}
          colors={colors}
        />
      )}
      {virtual && !scrolled && <div className="empty">{ready ? 'No transitions yet.' : waitingForLoad ? 'Drawn when the log has loaded.' : 'Numbering the events…'}</div>}
      <div
        hidden={virtual}
        ref={scrollRef}
        onClick={seekToLabel}
        className={`sequence-scroll${fit ? ' fit' : ''}`}
        data-testid="sequence-diagram"
        data-state={!ready ? 'waiting' : rendered.current ? 'ready' : 'rendering'}
        data-numbers={shown?.numbers.join(',') ?? ''}
        data-current={current ?? ''}
      >
        {rendered.error && <div className="error-text">Mermaid failed: {rendered.error}</div>}
        {rendered.svgs.map((svg, k) => {
          // The heading of the part this svg was drawn from (the texts may lag the parts while rendering).
          const at = shown?.parts.indexOf(rendered.texts[k] ?? '') ?? -1;
          const caption = at >= 0 ? shown!.headings[at]! : diagramCaption(rendered.texts[k] ?? '');
          return (
            <figure key={k} className="sequence-figure">
              {caption && (
                <figcaption className="sequence-caption" data-testid="sequence-caption" data-chart={caption.chart ?? ''}>
                  {caption.chart && <span className="swatch" style={{ background: colors.get(caption.chart) }} />}
                  {caption.text}
                </figcaption>
              )}
              <div className="sequence-svg" style={{ '--natural-width': naturalWidth(svg) } as CSSProperties} dangerouslySetInnerHTML={{ __html: svg }} />
            </figure>
          );
        })}
        {!shown && <div className="empty">{ready ? 'No transitions yet.' : waitingForLoad ? 'Drawn when the log has loaded.' : 'Numbering the events…'}</div>}
      </div>
    </div>
  );
}
