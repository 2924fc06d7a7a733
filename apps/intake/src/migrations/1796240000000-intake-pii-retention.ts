import { sqlMigration } from '@sunshine/platform';

/**
 * 个人信息保存期限 (PIPL Art 19, 47): the cases whose personal data the retention job de-identified, when their terminal
 * status began and whether their petitioner's details went too (once none of the petitioner's cases keeps them).
 */
export const IntakePiiRetention1796240000000 = sqlMigration('IntakePiiRetention1796240000000', {
  up: [
    `CREATE TABLE pii_deidentified (
      case_id uuid PRIMARY KEY REFERENCES petitions(case_id),
      terminal_since timestamptz NOT NULL,
      deidentified_at timestamptz NOT NULL,
      petitioner_erased boolean NOT NULL)`,
  ],
  down: [`DROP TABLE pii_deidentified`],
});
