/**
 * The page: top bar, four resizable panels around the timeline, status bar.
 *
 *   ┌ top bar: open · recordings · source · progress · theme · ? ─────────┐
 *   │ Charts        │ Sequence                                            │
 *   │───────────────│─────────────────────────────────────────────────────│
 *   │ Statechart    │ Log                                                 │
 *   ├ timeline ────────────────────────────────────────────────────────────┤
 *   └ status bar: presence · records · rejections · reconnects · errors ───┘
 */
import { useCallback, useEffect, useRef } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { PanelHost } from '../panels/PanelHost.tsx';
import { useTheme } from '../panelApi/usePreferences.ts';
import { TopBar } from './TopBar.tsx';
import { StatusBar } from './StatusBar.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { DropZone } from './DropZone.tsx';
import { CompareOverlay } from '../panels/compare/CompareOverlay.tsx';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { useUrlSync } from './useUrlSync.ts';
import { THEME_KEY } from './initialTheme.ts';

export function App() {
  const [theme] = useTheme();
  const fileInput = useRef<HTMLInputElement>(null);
  const openFilePicker = useCallback(() => fileInput.current?.click(), []);
  useKeyboardShortcuts(openFilePicker);
  useUrlSync();
  // Panel sizes the user dragged come back on the next visit (localStorage).
  const columns = useDefaultLayout({ id: 'miroscope.layout.columns', onlySaveAfterUserInteractions: true });
  const left = useDefaultLayout({ id: 'miroscope.layout.left', onlySaveAfterUserInteractions: true });
  const right = useDefaultLayout({ id: 'miroscope.layout.right', onlySaveAfterUserInteractions: true });
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage may be off (private mode): the theme just isn't remembered.
    }
  }, [theme]);

  return (
    <div className="app">
      <TopBar fileInput={fileInput} />
      <main className="workspace">
        <Group orientation="horizontal" id="columns" defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
          <Panel id="left" defaultSize="36%" minSize="15%">
            <Group orientation="vertical" id="left-stack" defaultLayout={left.defaultLayout} onLayoutChanged={left.onLayoutChanged}>
              <Panel id="charts" defaultSize="35%" minSize="10%">
                <PanelHost id="charts" />
              </Panel>
              <Separator className="separator horizontal" />
              <Panel id="statechart" minSize="15%">
                <PanelHost id="statechart" />
              </Panel>
            </Group>
          </Panel>
          <Separator className="separator vertical" />
          <Panel id="right" minSize="25%">
            <Group orientation="vertical" id="right-stack" defaultLayout={right.defaultLayout} onLayoutChanged={right.onLayoutChanged}>
              <Panel id="sequence" defaultSize="50%" minSize="10%">
                <PanelHost id="sequence" />
              </Panel>
              <Separator className="separator horizontal" />
              <Panel id="log" minSize="15%">
                <PanelHost id="log" />
              </Panel>
            </Group>
          </Panel>
        </Group>
      </main>
      <div className="timeline-bar">
        <PanelHost id="timeline" />
      </div>
      <StatusBar />
      <HelpOverlay />
      <CompareOverlay />
      <DropZone />
    </div>
  );
}
