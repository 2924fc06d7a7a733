import { inboxQuerySchema, inboxSql } from './inbox.query';

const viewer = { unitId: '410726000000:petition-bureau', divisionCode: '410726000000', bureau: true, service: false };

describe('inboxSql', () => {
  it('scopes a unit to the cases it holds or held, never as the accused', () => {
    const sql = inboxSql(viewer, inboxQuerySchema.parse({}));
    expect(sql.filtered).toBe('$1 = ANY(held_by) AND accused_unit_id IS DISTINCT FROM $1');
    expect(sql.orderBy).toBe('updated_at DESC NULLS LAST, case_id');
  });

  it('scopes a bureau to its territory, showing accusations only where it held them', () => {
    const sql = inboxSql(viewer, inboxQuerySchema.parse({ scope: 'territory' }));
    expect(sql.scoped).toContain('$2 = ANY(territory_codes)');
    expect(sql.scoped).toContain(`type IS DISTINCT FROM 'accusation' OR $1 = ANY(held_by)`);
  });

  it('filters by status, stage, category and deadline, and counts per status without the status filter', () => {
    const q = inboxQuerySchema.parse({ status: 'signed', stage: 'original', category: 'labour', dueBefore: '2026-01-01T00:00:00Z', sort: 'dueAt' });
    const sql = inboxSql(viewer, q);
    expect(sql.scoped).not.toContain('status =');
    expect(sql.filtered).toContain('status = $5');
    expect(sql.params).toEqual([viewer.unitId, 'original', 'labour', '2026-01-01T00:00:00Z', 'signed']);
    expect(sql.orderBy).toBe('due_at ASC NULLS LAST, case_id');
  });

  it('refuses an unknown status or sort', () => {
    expect(inboxQuerySchema.safeParse({ status: 'lost' }).success).toBe(false);
    expect(inboxQuerySchema.safeParse({ sort: 'name; drop table' }).success).toBe(false);
  });
});
