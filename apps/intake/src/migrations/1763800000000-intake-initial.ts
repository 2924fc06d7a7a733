import { dropTables, sqlMigration } from '@sunshine/platform';

/** Petitioners (personal data encrypted), petitions, dossiers, case-number counters. */
export const IntakeInitial1763800000000 = sqlMigration('IntakeInitial1763800000000', {
  up: [
    `CREATE TABLE petitioners (
      id uuid PRIMARY KEY,
      name_enc text NOT NULL,
      id_number_enc text,
      phone_enc text,
      address_enc text,
      id_blind_index text,
      created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX petitioners_blind_index ON petitioners (id_blind_index) WHERE id_blind_index IS NOT NULL`,
    `CREATE TABLE petitions (
      case_id uuid PRIMARY KEY,
      case_number text NOT NULL UNIQUE,
      query_code_hash text NOT NULL,
      channel text NOT NULL,
      type text NOT NULL,
      category text NOT NULL,
      place_code char(12) NOT NULL,
      receiving_unit_id text NOT NULL,
      received_at timestamptz NOT NULL,
      registered_at timestamptz NOT NULL,
      form jsonb NOT NULL,
      petitioner_id uuid NOT NULL REFERENCES petitioners(id),
      accused_unit_id text,
      flags jsonb NOT NULL,
      registered_by text NOT NULL,
      version int NOT NULL DEFAULT 1)`,
    `CREATE INDEX petitions_petitioner ON petitions (petitioner_id)`,
    `CREATE TABLE dossiers (
      case_id uuid PRIMARY KEY REFERENCES petitions(case_id),
      subject_enc text NOT NULL,
      content_enc text NOT NULL,
      accused_person_enc text,
      representatives_enc text,
      attachment_count int NOT NULL DEFAULT 0)`,
    `CREATE TABLE case_number_counters (
      scope text NOT NULL,
      year int NOT NULL,
      last int NOT NULL,
      PRIMARY KEY (scope, year))`,
  ],
  down: dropTables('case_number_counters', 'dossiers', 'petitions', 'petitioners'),
});
