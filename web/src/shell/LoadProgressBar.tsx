/** How far a saved log has loaded (bytes), while it loads. */
import { usePlayback } from '../panelApi/usePlayback.ts';

export function LoadProgressBar() {
  const { progress } = usePlayback();
  if (!progress || progress.done) return null;
  const fraction = progress.total ? progress.loaded / progress.total : null;
  return (
    <span className="load-progress" data-testid="load-progress">
      <progress max={1} value={fraction ?? undefined} />
      <span className="dim">
        {fraction === null ? '' : `${Math.round(fraction * 100)}% · `}
        {progress.lines.toLocaleString('en-US')} lines
      </span>
    </span>
  );
}
