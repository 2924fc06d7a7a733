export * from './local-date';
export * from './shanghai-time';
export * from './year-arrangement';
export * from './statutory-holidays';
export * from './chinese-days-source';
export * from './working-calendar';
export * from './default-calendar';
