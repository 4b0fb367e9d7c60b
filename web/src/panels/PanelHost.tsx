/** The frame around a panel from the catalog: title bar, error boundary, loading state. */
import { Suspense } from 'react';
import { panelCatalog, type PanelId } from './catalog.ts';
import { PanelErrorBoundary } from './PanelErrorBoundary.tsx';

export function PanelHost({ id }: { id: PanelId }) {
  const { title, Component } = panelCatalog[id];
  return (
    <section className="panel" data-testid={`panel-${id}`} aria-label={title}>
      <h2 className="panel-title">{title}</h2>
      <div className="panel-body">
        <PanelErrorBoundary panel={id}>
          <Suspense fallback={<div className="panel-loading">Loading {title.toLowerCase()}…</div>}>
            <Component />
          </Suspense>
        </PanelErrorBoundary>
      </div>
    </section>
  );
}
