import { archiveAuditTrail, type ArchiveOutcome, type ServiceName } from '@sunshine/platform';
import { Client } from 'pg';

/**
 * Archives every given service's due partitions (`npm run audit -- archive --out <dir>`): the same step each service runs
 * daily as its BullMQ job (libs/platform archiveAuditTrail, AuditArchiveScheduler), by hand here, e.g. with another
 * directory or for a schema whose service is not running.
 */
export async function archiveAuditTrails(
  databaseUrl: string,
  services: readonly ServiceName[],
  outDir: string,
  now: Date,
  schemaPrefix = '',
): Promise<Map<ServiceName, ArchiveOutcome | null>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const results = new Map<ServiceName, ArchiveOutcome | null>();
    for (const service of services)
      results.set(service, await archiveAuditTrail(client, schemaPrefix ? `${schemaPrefix}_${service}` : service, outDir, now));
    return results;
  } finally {
    await client.end();
  }
}
