export * from './case-visibility';
export * from './dossier-access';
