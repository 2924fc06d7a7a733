export * from './sorted-csv-reader';
export * from './china-division-reader';
export * from './demo-org';
export * from './division-names';
export * from './division-children';
