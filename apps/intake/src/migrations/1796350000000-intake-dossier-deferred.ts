import { sqlMigration } from '@sunshine/platform';

/**
 * A registration writes the petition's dossier before it takes the case number: the dossier's reference to the petition
 * is checked at the commit (DEFERRABLE INITIALLY DEFERRED), when the petition row exists. The counter row of the case
 * number stays locked one statement less (docs/benchmarks.md "The locked section").
 */
export const IntakeDossierDeferred1796350000000 = sqlMigration('IntakeDossierDeferred1796350000000', {
  up: [`ALTER TABLE dossiers ALTER CONSTRAINT dossiers_case_id_fkey DEFERRABLE INITIALLY DEFERRED`],
  down: [`ALTER TABLE dossiers ALTER CONSTRAINT dossiers_case_id_fkey NOT DEFERRABLE`],
});
