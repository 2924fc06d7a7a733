import type { INestApplicationContext } from '@nestjs/common';
import {
  auditFieldsOf,
  AuditTrail,
  type ImportedAuditItem,
  importedIdsExpireBefore,
  KEYCLOAK_ADMIN_EVENTS,
  KEYCLOAK_EVENTS_EXPIRATION_S,
  KEYCLOAK_LOGIN_EVENTS,
} from '@sunshine/platform';
import { sql, uniquePrefix } from '@sunshine/testing';

import { startAuditProbe } from './support/audit-probe';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A Keycloak event `ago` ms before NOW, as the importer hands it to the trail. */
const item = (id: string, ago: number): ImportedAuditItem => ({
  id,
  occurredAt: new Date(NOW.getTime() - ago),
  fields: auditFieldsOf('sign-in', { subject: 'demo-user', ip: '10.0.0.5', detail: { source: 'keycloak', eventId: id, event: 'LOGIN' } }),
});

// audit_import (the ids of Keycloak's events already in the audit trail) does not grow for ever: ids of events older
// than Keycloak's retention (7 days) and a day are forgotten; those Keycloak may still return stay, so importing them
// again appends nothing; a source's latest id stays (where the next import resumes) even when it is old; the audit
// records themselves stay and the chain verifies.
describe('AuditTrail.pruneImported (ids of events Keycloak no longer keeps)', () => {
  const prefix = uniquePrefix('aip');
  let app: INestApplicationContext | undefined;

  afterAll(async () => {
    await app?.close();
    await sql(`DROP SCHEMA IF EXISTS "${prefix}_routing" CASCADE`);
  });

  it('forgets ids older than Keycloak’s 7 days and a day, keeps the others, and a re-import of a kept one adds nothing', async () => {
    ({ app } = await startAuditProbe(prefix));
    const trail = app.get(AuditTrail);

    const login = [
      item('ev-30-days', 30 * DAY),
      item('ev-8-days-1-hour', 8 * DAY + HOUR),
      item('ev-7-days-23-hours', 7 * DAY + 23 * HOUR),
      item('ev-6-days', 6 * DAY),
      item('ev-1-minute', 60_000),
    ];
    // The admin events' source has only old ones: its latest stays.
    const admin = [item('adm-20-days', 20 * DAY), item('adm-10-days', 10 * DAY)];
    expect(await trail.appendImported(KEYCLOAK_LOGIN_EVENTS, login)).toBe(5);
    expect(await trail.appendImported(KEYCLOAK_ADMIN_EVENTS, admin)).toBe(2);

    const before = importedIdsExpireBefore(NOW, KEYCLOAK_EVENTS_EXPIRATION_S * 1000);
    expect(before?.toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(importedIdsExpireBefore(NOW, undefined)).toBeUndefined();
    expect(await trail.pruneImported(KEYCLOAK_LOGIN_EVENTS, before ?? NOW)).toBe(2);
    expect(await trail.pruneImported(KEYCLOAK_ADMIN_EVENTS, before ?? NOW)).toBe(1);
    expect(await trail.pruneImported(KEYCLOAK_LOGIN_EVENTS, before ?? NOW)).toBe(0);

    expect(
      await sql<{ source: string; external_id: string }>(
        `SELECT source, external_id FROM "${prefix}_routing".audit_import ORDER BY source, occurred_at`,
      ),
    ).toEqual([
      { source: 'keycloak', external_id: 'ev-7-days-23-hours' },
      { source: 'keycloak', external_id: 'ev-6-days' },
      { source: 'keycloak', external_id: 'ev-1-minute' },
      { source: 'keycloak-admin', external_id: 'adm-10-days' },
    ]);
    // Keycloak returns what it still keeps again (the next run's overlap, a retry): nothing is appended twice.
    expect(await trail.appendImported(KEYCLOAK_LOGIN_EVENTS, login.slice(2))).toBe(0);
    expect(await trail.appendImported(KEYCLOAK_ADMIN_EVENTS, admin.slice(1))).toBe(0);
    expect((await trail.importedUpTo(KEYCLOAK_LOGIN_EVENTS))?.toISOString()).toBe(new Date(NOW.getTime() - 60_000).toISOString());
    expect((await trail.importedUpTo(KEYCLOAK_ADMIN_EVENTS))?.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    // The audit records of the forgotten ids stay.
    expect(await trail.verify()).toEqual({ records: 7, findings: [] });
  });
});
