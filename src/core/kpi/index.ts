/** The KPI core in one import: registry, parsers, engine, targets and seeds. */
export * from './registry';
export * from './months';
export * from './stats';
export * from './table';
export * from './orders';
export * from './factors';
export * from './engine';
export * from './targets';
export * from './targets-seed';
