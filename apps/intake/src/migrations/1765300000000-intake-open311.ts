import { sqlMigration } from '@sunshine/platform';

/**
 * Issue 21: Open311 GeoReport v2. Its registered clients (api_key: only its SHA-256 is kept) and the requests each
 * submitted (the case, its token, the location as given; the e-mail sealed with the field cipher). A request is a
 * petition registered like any other: these rows only say which client sent it, which is all a public GET may show.
 */
export const IntakeOpen3111765300000000 = sqlMigration('IntakeOpen3111765300000000', {
  up: [
    `CREATE TABLE open311_clients (
       id uuid PRIMARY KEY, name text NOT NULL, key_hash text NOT NULL UNIQUE, jurisdiction_id text NOT NULL,
       created_at timestamptz NOT NULL, created_by text NOT NULL, disabled_at timestamptz)`,
    `CREATE TABLE open311_requests (
       case_id uuid PRIMARY KEY, client_id uuid NOT NULL REFERENCES open311_clients (id), token text NOT NULL UNIQUE,
       service_code text NOT NULL, requested_at timestamptz NOT NULL, address_string text, lat double precision,
       long double precision, email_enc text, device_id text, account_id text)`,
    `CREATE INDEX open311_requests_client ON open311_requests (client_id, requested_at)`,
  ],
  down: [`DROP TABLE open311_requests`, `DROP TABLE open311_clients`],
});
