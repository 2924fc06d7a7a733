import { AesGcmFieldCipher, DomainException, parseKeyRing, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import type { ChannelsConfig } from '../channels-config';

/**
 * What a unit's channel settings (its webhook, its mailbox) share: one table per kind keyed by the unit id, the
 * addresses sealed with notification's own key ring, set only by an admin of the unit itself.
 */

/** DI token of the FieldCipher that seals units' webhook URLs and secrets and their mailbox addresses. */
export const UNIT_SETTINGS_CIPHER = Symbol('UNIT_SETTINGS_CIPHER');

export function unitSettingsCipher(config: ChannelsConfig): AesGcmFieldCipher {
  return new AesGcmFieldCipher(parseKeyRing(config.secretKeys.spec, config.secretKeys.current));
}

/** The tables of units' channel settings (a closed list: the name goes into SQL). */
export type UnitSettingsTable = 'unit_webhooks' | 'unit_mailboxes';

/** 403 UNIT_ADMIN_ONLY unless the caller belongs to the unit (the route has checked the admin role); `what` names the setting. */
export function requireOwnUnit(unitId: string, staff: StaffPrincipal, what: { readonly zh: string; readonly en: string }): void {
  if (staff.unitId !== unitId)
    throw new DomainException('UNIT_ADMIN_ONLY', 'forbidden', {
      zh: `只有本单位的管理员可以设置本单位的${what.zh}`,
      en: `only an admin of the unit itself manages its ${what.en}`,
    });
}

/** Of `unitIds`, those that have a row in `table`, read in the caller's transaction (planning: no setting, no delivery). */
export async function unitsWith(m: EntityManager, table: UnitSettingsTable, unitIds: readonly string[]): Promise<ReadonlySet<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = (await m.query(`SELECT unit_id FROM ${table} WHERE unit_id = ANY($1::text[])`, [unitIds])) as Array<{ unit_id: string }>;
  return new Set(rows.map((r) => r.unit_id));
}

/** Deletes the unit's row of `table`; whether there was one. */
export async function deleteUnitSetting(db: DataSource, table: UnitSettingsTable, unitId: string): Promise<boolean> {
  // A CTE, so TypeORM answers rows (a bare DELETE answers [rows, affected count]).
  const [row] = (await db.query(
    `WITH gone AS (DELETE FROM ${table} WHERE unit_id = $1 RETURNING unit_id) SELECT count(*)::int AS n FROM gone`,
    [unitId],
  )) as Array<{ n: number }>;
  return (row?.n ?? 0) > 0;
}
