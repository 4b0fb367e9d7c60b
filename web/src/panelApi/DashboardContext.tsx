/**
 * Gives the component tree the one store and the source session. Only the
 * hooks in this folder read the context; panels call the hooks.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DashboardActions, DashboardState, DashboardStore } from '../store/createDashboardStore.ts';
import type { SourceSession } from '../sources/SourceSession.ts';

interface Dashboard {
  store: DashboardStore;
  session: SourceSession;
}

const DashboardContext = createContext<Dashboard | null>(null);

export function DashboardProvider({ store, session, children }: Dashboard & { children: ReactNode }) {
  return <DashboardContext.Provider value={{ store, session }}>{children}</DashboardContext.Provider>;
}

export function useDashboard(): Dashboard {
  const dashboard = useContext(DashboardContext);
  if (!dashboard) throw new Error('a dashboard hook was used outside <DashboardProvider>');
  return dashboard;
}

/** Reads one value of the store; re-renders when it changes (Object.is). */
export function useDashboardState<T>(selector: (state: DashboardState & DashboardActions) => T): T {
  return useStore(useDashboard().store, selector);
}
