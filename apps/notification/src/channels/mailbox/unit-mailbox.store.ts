import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FieldCipher } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { maskAddress } from '../../shared/masked-address';
import { deleteUnitSetting, UNIT_SETTINGS_CIPHER, unitsWith } from '../unit-settings/unit-settings';

/** A unit's mailbox as it may be shown. */
export interface UnitMailboxRecord {
  readonly unitId: string;
  readonly addressShown: string;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

interface Row {
  unit_id: string;
  address_sealed: string;
  address_shown: string;
  updated_by: string;
  updated_at: Date;
}

/** Units' mailboxes (table `unit_mailboxes`): the address sealed with the field cipher, shown masked. */
@Injectable()
export class UnitMailboxStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(UNIT_SETTINGS_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  /** The unit's mailbox in clear, for a delivery (never stored in clear, never logged); null when the unit has none. */
  async address(unitId: string): Promise<string | null> {
    const [row] = (await this.db.query(`SELECT address_sealed FROM unit_mailboxes WHERE unit_id = $1`, [unitId])) as Row[];
    return row ? this.cipher.decrypt(row.address_sealed) : null;
  }

  /** Of `unitIds`, those that have a mailbox, read in the caller's transaction (planning: no mailbox, no e-mail). */
  withMailbox(m: EntityManager, unitIds: readonly string[]): Promise<ReadonlySet<string>> {
    return unitsWith(m, 'unit_mailboxes', unitIds);
  }

  async find(unitId: string): Promise<UnitMailboxRecord | null> {
    const [row] = (await this.db.query(`SELECT * FROM unit_mailboxes WHERE unit_id = $1`, [unitId])) as Row[];
    return row ? toRecord(row) : null;
  }

  async save(unitId: string, address: string, by: string, at: Date): Promise<UnitMailboxRecord> {
    const [row] = (await this.db.query(
      `INSERT INTO unit_mailboxes (unit_id, address_sealed, address_shown, updated_by, updated_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (unit_id) DO UPDATE SET address_sealed = EXCLUDED.address_sealed, address_shown = EXCLUDED.address_shown,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING *`,
      [unitId, this.cipher.encrypt(address), maskAddress(address), by, at],
    )) as Row[];
    if (!row) throw new Error('unit_mailboxes: upsert returned nothing');
    return toRecord(row);
  }

  /** Whether there was one to delete. */
  delete(unitId: string): Promise<boolean> {
    return deleteUnitSetting(this.db, 'unit_mailboxes', unitId);
  }
}

function toRecord(row: Row): UnitMailboxRecord {
  return { unitId: row.unit_id, addressShown: row.address_shown, updatedBy: row.updated_by, updatedAt: new Date(row.updated_at) };
}
