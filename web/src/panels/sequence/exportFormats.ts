/**
 * The sequence panel's export menu: one entry per format, with the file
 * name and type each download gets. The text formats are pure (shared
 * renderers); SVG and PNG need the page (Mermaid, a canvas).
 */
export type ExportFormat = 'mermaid' | 'svg' | 'png' | 'ascii' | 'ascii-compat';

export interface ExportFormatInfo {
  format: ExportFormat;
  label: string;
  extension: string;
  type: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { format: 'mermaid', label: 'Mermaid text', extension: 'mmd', type: 'text/plain;charset=utf-8' },
  { format: 'svg', label: 'SVG image', extension: 'svg', type: 'image/svg+xml' },
  { format: 'png', label: 'PNG image', extension: 'png', type: 'image/png' },
  { format: 'ascii', label: 'ASCII (numbered)', extension: 'txt', type: 'text/plain;charset=utf-8' },
  { format: 'ascii-compat', label: 'ASCII (sequence.rb)', extension: 'txt', type: 'text/plain;charset=utf-8' },
];

/** `seed-two-charts-trace.sequence.ascii.txt`: source name without extension, view, format. */
export function exportFileName(sourceLabel: string, view: string, format: ExportFormat): string {
  const info = EXPORT_FORMATS.find((f) => f.format === format)!;
  const base = (sourceLabel.split(/[\\/]/).pop() ?? 'miroscope').replace(/\.[^.]*$/, '') || 'miroscope';
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_');
  const suffix = format === 'ascii-compat' ? 'sequence-rb' : format === 'ascii' ? 'ascii' : 'sequence';
  return `${safe(base)}.${safe(view)}.${suffix}.${info.extension}`;
}
