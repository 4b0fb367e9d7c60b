/**
 * Where the Compare view lives in the page: over everything, like the help
 * overlay, with its own error boundary. Its code loads only when first
 * opened.
 */
import { lazy, Suspense } from 'react';
import { PanelErrorBoundary } from '../PanelErrorBoundary.tsx';
import { useCompareView } from './compareViewState.ts';

const CompareView = lazy(() => import('./CompareView.tsx'));

export function CompareOverlay() {
  const open = useCompareView((s) => s.open);
  if (!open) return null;
  return (
    <div className="overlay compare-overlay" role="dialog" aria-label="Compare two runs" data-testid="compare-view">
      <div className="overlay-card compare-card">
        <PanelErrorBoundary panel="compare">
          <Suspense fallback={<div className="panel-loading">Loading compare…</div>}>
            <CompareView />
          </Suspense>
        </PanelErrorBoundary>
      </div>
    </div>
  );
}
