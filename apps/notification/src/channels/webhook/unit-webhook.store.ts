import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FieldCipher } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { deleteUnitSetting, UNIT_SETTINGS_CIPHER, unitsWith } from '../unit-settings/unit-settings';

/** A unit's webhook as the delivery worker needs it: URL and secret in clear (never stored, never logged). */
export interface UnitWebhookTarget {
  readonly url: string;
  readonly secret: string;
}

/** A unit's webhook as it may be shown. */
export interface UnitWebhookRecord {
  readonly unitId: string;
  readonly urlShown: string;
  readonly secretLast4: string;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

interface Row {
  unit_id: string;
  url_sealed: string;
  url_shown: string;
  secret_sealed: string;
  secret_last4: string;
  updated_by: string;
  updated_at: Date;
}

/** The URL as it may be shown: scheme, host and path; a query (a robot's access token) as `?…`. */
export function shownUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
}

/** Units' webhooks (table `unit_webhooks`): URL and secret sealed with the field cipher. */
@Injectable()
export class UnitWebhookStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(UNIT_SETTINGS_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  /** The unit's webhook, unsealed for a delivery; null when the unit has none. */
  async target(unitId: string): Promise<UnitWebhookTarget | null> {
    const [row] = (await this.db.query(`SELECT url_sealed, secret_sealed FROM unit_webhooks WHERE unit_id = $1`, [unitId])) as Row[];
    return row ? { url: this.cipher.decrypt(row.url_sealed), secret: this.cipher.decrypt(row.secret_sealed) } : null;
  }

  /** Of `unitIds`, those that have a webhook, read in the caller's transaction (planning: no webhook, no delivery). */
  withWebhook(m: EntityManager, unitIds: readonly string[]): Promise<ReadonlySet<string>> {
    return unitsWith(m, 'unit_webhooks', unitIds);
  }

  async find(unitId: string): Promise<UnitWebhookRecord | null> {
    const [row] = (await this.db.query(`SELECT * FROM unit_webhooks WHERE unit_id = $1`, [unitId])) as Row[];
    return row ? toRecord(row) : null;
  }

  async save(unitId: string, target: UnitWebhookTarget, by: string, at: Date): Promise<UnitWebhookRecord> {
    const [row] = (await this.db.query(
      `INSERT INTO unit_webhooks (unit_id, url_sealed, url_shown, secret_sealed, secret_last4, updated_by, updated_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (unit_id) DO UPDATE SET url_sealed = EXCLUDED.url_sealed, url_shown = EXCLUDED.url_shown,
         secret_sealed = EXCLUDED.secret_sealed, secret_last4 = EXCLUDED.secret_last4, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at
       RETURNING *`,
      [unitId, this.cipher.encrypt(target.url), shownUrl(target.url), this.cipher.encrypt(target.secret), target.secret.slice(-4), by, at],
    )) as Row[];
    if (!row) throw new Error('unit_webhooks: upsert returned nothing');
    return toRecord(row);
  }

  /** Whether there was one to delete. */
  delete(unitId: string): Promise<boolean> {
    return deleteUnitSetting(this.db, 'unit_webhooks', unitId);
  }
}

function toRecord(row: Row): UnitWebhookRecord {
  return {
    unitId: row.unit_id,
    urlShown: row.url_shown,
    secretLast4: row.secret_last4,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at),
  };
}
