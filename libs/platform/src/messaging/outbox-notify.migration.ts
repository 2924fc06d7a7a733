import { sqlMigration } from '../database/sql-migration';

/** The channel an outbox insert notifies at its commit, with the schema as payload (one channel for every service). */
export const OUTBOX_CHANNEL = 'sunshine_outbox';

/**
 * An outbox insert wakes its service's relay at the commit (LISTEN on the relay's lock session): the leader may be
 * another instance than the one that wrote, and the relay no longer needs a short poll to be quick. One notification
 * per transaction (PostgreSQL folds a transaction's identical ones), delivered only if it commits.
 */
export const OutboxNotify1796510000000 = sqlMigration('OutboxNotify1796510000000', {
  up: [
    `CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN PERFORM pg_notify('${OUTBOX_CHANNEL}', TG_TABLE_SCHEMA); RETURN NULL; END $$`,
    `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
  ],
  down: [`DROP TRIGGER outbox_notify ON outbox`, `DROP FUNCTION outbox_notify()`],
});
