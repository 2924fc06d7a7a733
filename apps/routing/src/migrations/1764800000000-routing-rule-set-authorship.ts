import { sqlMigration } from '@sunshine/platform';

/**
 * Every stored rule-set version records who stored it, from which unit, when and why (issue 17): the unit and the
 * required reason join the existing `created_by` / `created_at`. Versions stored before this migration keep null for
 * both (nobody recorded them then; they are not invented now); the service requires both for every new version.
 */
export const RoutingRuleSetAuthorship1764800000000 = sqlMigration('RoutingRuleSetAuthorship1764800000000', {
  up: [
    `ALTER TABLE routing_rule_sets
      ADD COLUMN created_by_unit text,
      ADD COLUMN reason text CHECK (reason IS NULL OR length(btrim(reason)) > 0)`,
  ],
  down: [`ALTER TABLE routing_rule_sets DROP COLUMN created_by_unit, DROP COLUMN reason`],
});
