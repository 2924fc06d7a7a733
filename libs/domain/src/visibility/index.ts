export * from './dossier-access';
