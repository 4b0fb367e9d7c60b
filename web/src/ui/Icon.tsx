/**
 * The few control icons the dashboard needs, as inline SVG: media-control
 * characters (⏮ ⏸ ⏭) are missing from many system fonts and render as boxes.
 */
const PATHS = {
  start: 'M3 2h2v12H3zM14 2v12L6 8z',
  back: 'M3 2h2v12H3zM13 2v12L6 8z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
  forward: 'M11 2h2v12h-2zM3 2v12l7-6z',
  end: 'M11 2h2v12h-2zM2 2v12l8-6z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, title }: { name: IconName; title?: string }) {
  return (
    <svg className="icon" width="12" height="12" viewBox="0 0 16 16" aria-hidden={title ? undefined : true} role={title ? 'img' : undefined}>
      {title && <title>{title}</title>}
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
