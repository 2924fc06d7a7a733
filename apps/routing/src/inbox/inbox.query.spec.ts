import type { VisibilitySql } from '@sunshine/platform';

import { inboxQuerySchema, inboxSql } from './inbox.query';

const UNIT = '410726000000:petition-bureau';
// What CaseVisibility.sql answers for the caller, numbered from INBOX_VISIBILITY_FROM (1).
const visibility: VisibilitySql = {
  level: `(CASE WHEN $1 = ANY(c.involved_units) THEN 'full' ELSE 'none' END)`,
  visible: `(CASE WHEN $1 = ANY(c.involved_units) THEN 'full' ELSE 'none' END) <> 'none'`,
  params: [UNIT, 'petition-bureau', '410726000000', [UNIT]],
};

describe('inboxSql', () => {
  it('scopes a unit by default to the visible cases it holds, held or assists on (issue 12: assisting cases showed nowhere by default)', () => {
    const sql = inboxSql(UNIT, visibility, inboxQuerySchema.parse({}));
    expect(sql.filtered).toBe(
      `(${visibility.visible}) AND (c.held_by @> ARRAY[$5::text] OR c.state->'assistingUnitIds' @> jsonb_build_array($5::text))`,
    );
    expect(sql.params).toEqual([UNIT, 'petition-bureau', '410726000000', [UNIT], UNIT]);
  });

  it('scopes the held relation to the visible cases the unit holds or held', () => {
    const sql = inboxSql(UNIT, visibility, inboxQuerySchema.parse({ relation: 'held' }));
    expect(sql.filtered).toBe(`(${visibility.visible}) AND c.held_by @> ARRAY[$5::text]`);
    expect(sql.params).toEqual([UNIT, 'petition-bureau', '410726000000', [UNIT], UNIT]);
    expect(sql.orderBy).toBe('c.updated_at DESC NULLS LAST, c.case_id');
  });

  it('scopes the assisting relation to the cases the unit assists on', () => {
    const sql = inboxSql(UNIT, visibility, inboxQuerySchema.parse({ relation: 'assisting' }));
    expect(sql.filtered).toBe(`(${visibility.visible}) AND c.state->'assistingUnitIds' @> jsonb_build_array($5::text)`);
  });

  it('scopes the territory to exactly what the visibility rule shows, with no parameter it does not use', () => {
    const sql = inboxSql(UNIT, visibility, inboxQuerySchema.parse({ scope: 'territory' }));
    expect(sql.scoped).toBe(`(${visibility.visible})`);
    expect(sql.params).toEqual(visibility.params);
    const holding = inboxSql(UNIT, visibility, inboxQuerySchema.parse({ scope: 'territory', holding: 'true' }));
    expect(holding.scoped).toBe(`(${visibility.visible}) AND (c.holding_unit_id = $5) = $6`);
    expect(holding.params.slice(4)).toEqual([UNIT, true]);
  });

  it('filters by stage, category and deadline after the visibility parameters, and counts per status without the status filter', () => {
    const q = inboxQuerySchema.parse({
      relation: 'held',
      status: 'signed',
      stage: 'original',
      category: 'labour',
      dueBefore: '2026-01-01T00:00:00Z',
      sort: 'dueAt',
    });
    const sql = inboxSql(UNIT, visibility, q);
    expect(sql.scoped).not.toContain('status =');
    expect(sql.scoped).toContain('c.held_by @> ARRAY[$5::text] AND c.stage = $6 AND c.category = $7 AND c.due_at < $8');
    expect(sql.filtered).toContain('c.status = $9');
    // dueBefore is an instant: the query schema hands it on as UTC with milliseconds (isoInstantSchema).
    expect(sql.params.slice(5)).toEqual(['original', 'labour', '2026-01-01T00:00:00.000Z', 'signed']);
    expect(sql.orderBy).toBe('c.due_at ASC NULLS LAST, c.case_id');
  });

  it('refuses an unknown status or sort', () => {
    expect(inboxQuerySchema.safeParse({ status: 'lost' }).success).toBe(false);
    expect(inboxQuerySchema.safeParse({ sort: 'name; drop table' }).success).toBe(false);
  });
});
