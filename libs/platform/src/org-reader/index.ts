export * from './china-division-reader';
export * from './demo-org';
export * from './division-children';
export * from './division-names';
export * from './sorted-csv-reader';
