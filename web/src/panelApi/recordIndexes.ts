/**
 * The store's derived indexes, as panels may use them: which records belong
 * to which chart (chartIndex) and the means to build a panel's own
 * incremental index (incrementalIndex). Panels import them from here, never
 * from `store/`, so the store's layout can change behind this one surface
 * (tests/web/panelImports.test.ts holds panels to it).
 *
 * Both are keyed on the log object and only fold in what arrived since the
 * last read, so calling them from a selector costs what is new.
 */
export { chartIndex, type ChartEntry, type ChartIndex } from '../store/chartIndex.ts';
export { incrementalIndex, type IndexDefinition } from '../store/incrementalIndex.ts';
