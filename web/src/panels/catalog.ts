/**
 * Every panel the dashboard can show, in one place. Each panel is a folder
 * whose view is loaded only when first shown (React.lazy), so Mermaid and
 * elkjs cost nothing until the sequence or statechart panel appears.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type PanelId = 'charts' | 'statechart' | 'log' | 'sequence' | 'timeline';

export interface PanelDefinition {
  id: PanelId;
  title: string;
  Component: LazyExoticComponent<ComponentType>;
}

export const panelCatalog: Record<PanelId, PanelDefinition> = {
  charts: { id: 'charts', title: 'Charts', Component: lazy(() => import('./charts/ChartsPanel.tsx')) },
  statechart: { id: 'statechart', title: 'Statechart', Component: lazy(() => import('./statechart/StatechartPanel.tsx')) },
  log: { id: 'log', title: 'Log', Component: lazy(() => import('./log/LogPanel.tsx')) },
  sequence: { id: 'sequence', title: 'Sequence', Component: lazy(() => import('./sequence/SequencePanel.tsx')) },
  timeline: { id: 'timeline', title: 'Timeline', Component: lazy(() => import('./timeline/TimelinePanel.tsx')) },
};
