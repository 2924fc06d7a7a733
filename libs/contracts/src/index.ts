export * from './topics';
export * from './envelope';
export * from './catalog';
export * from './validate';
export * from './vocabulary/codes';
export * from './events/petition-registered.event';
export * from './events/case-dispatched.event';
export * from './events/org-unit-snapshot.event';
