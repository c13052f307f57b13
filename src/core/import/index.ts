/** The import core in one import: Import orders (CSV)… and Undo last import, planned as plain values. */
export * from './types';
export { mapColumns, mappingKey, suggestColumn, suggestMapping } from './mapping';
export { toIncoming } from './incoming';
export { applyLedger } from './ledger';
export { planImport } from './upsert';
export { planUndo } from './undo';
