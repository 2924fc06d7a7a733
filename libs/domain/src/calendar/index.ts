export * from './chinese-days-source';
export * from './default-calendar';
export * from './local-date';
export * from './shanghai-time';
export * from './statutory-holidays';
export * from './working-calendar';
export * from './year-arrangement';
