import type { INestApplicationContext } from '@nestjs/common';
import { type AuditFields, auditFieldsOf, AuditTrail, type ImportedAuditItem, type PlatformConfig } from '@sunshine/platform';
import { sql, uniquePrefix } from '@sunshine/testing';
import { DataSource } from 'typeorm';

import { startAuditProbe } from './support/audit-probe';

const fields = (n: number): AuditFields =>
  auditFieldsOf('sign-in', {
    subject: `demo-user-${n % 7}`,
    ip: '10.0.0.5',
    detail: { source: 'keycloak', eventId: `ev-${n}`, event: n % 2 ? 'LOGIN_ERROR' : 'LOGIN' },
  });
const items = (from: number, to: number): ImportedAuditItem[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    id: `ev-${from + i}`,
    occurredAt: new Date(Date.UTC(2026, 11, 3, 8, 0, 0) + (from + i) * 1000),
    fields: fields(from + i),
  }));

// Imported records (Keycloak's events) are appended once each: two instances of the service's audit trail (two
// connections, as two replicas) appending the same 150 items at the same moment write 150 records and one anchor, not
// 300; a re-run writes nothing; the chain verifies; the latest imported time is where the next import starts.
describe('AuditTrail.appendImported (dedupe by source id, under the chain lock)', () => {
  const prefix = uniquePrefix('aim');
  let app: INestApplicationContext | undefined;
  let second: AuditTrail | undefined;

  afterAll(async () => {
    await second?.onModuleDestroy();
    await app?.close();
    await sql(`DROP SCHEMA IF EXISTS "${prefix}_routing" CASCADE`);
  });

  it('writes each item once whatever the number of writers and runs', async () => {
    let config: PlatformConfig;
    ({ app, config } = await startAuditProbe(prefix));
    const first = app.get(AuditTrail);
    second = new AuditTrail(app.get(DataSource), config);
    await second.onModuleInit();

    const [a, b] = await Promise.all([first.appendImported('keycloak', items(1, 150)), second.appendImported('keycloak', items(1, 150))]);
    expect([a + b, Math.min(a, b)]).toEqual([150, 0]);
    // Overlapping pages: 141–160 adds ten; the same items under another source are another system's.
    expect(await first.appendImported('keycloak', items(141, 160))).toBe(10);
    expect(await second.appendImported('keycloak', items(1, 160))).toBe(0);
    expect(await second.appendImported('keycloak-admin', items(1, 2))).toBe(2);

    const counts = await sql<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM "${prefix}_routing".audit_log GROUP BY kind ORDER BY kind`,
    );
    expect(counts).toEqual([
      { kind: 'anchor', n: 1 },
      { kind: 'sign-in', n: 162 },
    ]);
    expect(
      await sql<{ n: number; distinct_ids: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT detail->>'eventId')::int AS distinct_ids FROM "${prefix}_routing".audit_log WHERE kind = 'sign-in' AND detail->>'source' = 'keycloak'`,
      ),
    ).toEqual([{ n: 162, distinct_ids: 160 }]); // ev-1 and ev-2 once per source, every other id once
    expect((await first.importedUpTo('keycloak'))?.toISOString()).toBe('2026-12-03T08:02:40.000Z');
    expect((await first.importedUpTo('keycloak-admin'))?.toISOString()).toBe('2026-12-03T08:00:02.000Z');
    expect(await first.importedUpTo('elsewhere')).toBeUndefined();
    expect(await first.verify()).toEqual({ records: 163, findings: [] });
  });
});
