import { join } from 'node:path';

import { auditArchiveQueue, loadAuditArchiveSettings } from './audit-archive.scheduler';

describe('the daily audit archive job: its queue and settings', () => {
  it('names one queue per service (the Redis ACL patterns ~bull:audit-archive.<service>:* match it)', () => {
    expect(auditArchiveQueue('routing')).toBe('audit-archive.routing');
    expect(auditArchiveQueue('notification')).toBe('audit-archive.notification');
  });

  it('runs at 02:40 (Asia/Shanghai) into .local/audit-archive unless told otherwise', () => {
    expect(loadAuditArchiveSettings({})).toEqual({ dir: join(process.cwd(), '.local', 'audit-archive'), cron: '40 2 * * *' });
    expect(loadAuditArchiveSettings({ AUDIT_ARCHIVE_DIR: '/var/lib/sunshine/audit-archive', AUDIT_ARCHIVE_CRON: '0 15 3 * * *' })).toEqual({
      dir: '/var/lib/sunshine/audit-archive',
      cron: '0 15 3 * * *',
    });
  });

  it('refuses a schedule that is not a cron pattern, naming the setting', () => {
    expect(() => loadAuditArchiveSettings({ AUDIT_ARCHIVE_CRON: 'daily' })).toThrow('AUDIT_ARCHIVE_CRON: a cron pattern of 5 or 6 fields');
    expect(() => loadAuditArchiveSettings({ AUDIT_ARCHIVE_DIR: '' })).toThrow('AUDIT_ARCHIVE_DIR');
  });
});
