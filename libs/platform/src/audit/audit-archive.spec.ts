import { auditPartitionOf, auditPartitionsDue } from './audit-archive';

describe('audit partitions due for archival (184 days, 《网络安全法》第21条)', () => {
  const names = ['audit_log_default', 'audit_log_p202606', 'audit_log_p202605', 'audit_log_p202501', 'audit_log_p202513', 'audit_archive'];

  it('reads the UTC month of audit_log_pYYYYMM and nothing else', () => {
    expect(auditPartitionOf('audit_log_p202512')).toEqual({
      name: 'audit_log_p202512',
      from: new Date('2025-12-01T00:00:00Z'),
      to: new Date('2026-01-01T00:00:00Z'),
    });
    expect(auditPartitionOf('audit_log_default')).toBeUndefined();
    expect(auditPartitionOf('audit_log_p202513')).toBeUndefined();
  });

  it('takes the months that ended 184 days or more ago, oldest first', () => {
    // 184 days before 2026-12-02T12:00Z is 2026-06-01T12:00Z: May 2026 (ended June 1, 00:00) is due, June is not.
    expect(auditPartitionsDue(names, new Date('2026-12-02T12:00:00Z')).map((p) => p.name)).toEqual([
      'audit_log_p202501',
      'audit_log_p202605',
    ]);
    // Exactly 184 days after May ended: due; a millisecond earlier: not.
    expect(auditPartitionsDue(['audit_log_p202605'], new Date('2026-12-02T00:00:00Z')).map((p) => p.name)).toEqual(['audit_log_p202605']);
    expect(auditPartitionsDue(['audit_log_p202605'], new Date('2026-12-01T23:59:59.999Z'))).toEqual([]);
  });
});
