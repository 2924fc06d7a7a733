#!/usr/bin/env bash
# 数据库按服务分权 (docker-entrypoint-initdb.d, first start of the compose PostgreSQL): a login role per service owning
# its schema only, and sunshine_reporting (read-only); Keycloak's role and database. Passwords: PG_PASSWORD_<SERVICE> and
# PG_PASSWORD_KEYCLOAK of the postgres container.
set -euo pipefail
for s in intake routing supervision notification evaluation reporting; do
  var="PG_PASSWORD_${s^^}"
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "CREATE ROLE sunshine_$s LOGIN PASSWORD '${!var}'"
done
for s in intake routing supervision notification evaluation; do
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" <<SQL
CREATE SCHEMA $s AUTHORIZATION sunshine_$s;
REVOKE ALL ON SCHEMA $s FROM PUBLIC;
GRANT USAGE ON SCHEMA $s TO sunshine_reporting;
ALTER DEFAULT PRIVILEGES FOR ROLE sunshine_$s IN SCHEMA $s GRANT SELECT ON TABLES TO sunshine_reporting;
SQL
done
# Keycloak's own login role and database (docker-compose.yml's keycloak service), nothing in the platform's database.
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "CREATE ROLE keycloak LOGIN PASSWORD '${PG_PASSWORD_KEYCLOAK}'"
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "CREATE DATABASE keycloak OWNER keycloak"
