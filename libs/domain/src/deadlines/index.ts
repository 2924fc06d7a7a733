export * from './clock-spec';
export * from './law-default-clocks';
export * from './deadline-error';
export * from './deadline-policy';
export * from './compute-deadline';
export * from './deadline-for';
export * from './is-late';
