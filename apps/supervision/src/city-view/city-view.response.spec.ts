import { caseListItemOf } from './case-list-item';
import { caseViewSchema, cityListPageSchema } from './city-view.response';

// The documented answers (@ZodResponse) accept what the service builds and say what a client may rely on.
const row = {
  case_id: '0193a5b2-7c1e-7e2a-9f00-000000000001',
  case_number: '410726-2026-000001',
  status: 'accepted',
  stage: 'original',
  type: 'claim',
  category: 'labour',
  place_code: '410726101201',
  holding_unit_id: '410726000000:dept-hrss',
  registered_at: new Date('2026-12-01T01:00:00.000Z'),
  updated_at: new Date('2026-12-02T02:00:00.000Z'),
  flags: { supervised: true, leaderRef: null, backlog: false },
  overdue: true,
};
const listed = {
  caseId: '0193a5b2-7c1e-7e2a-9f00-000000000001',
  caseNumber: '410726-2026-000001',
  status: 'accepted',
  stage: 'original',
  type: 'claim',
  category: 'labour',
  placeCode: '410726101201',
  holdingUnitId: '410726000000:dept-hrss',
  registeredAt: '2026-12-01T01:00:00.000Z',
  updatedAt: '2026-12-02T02:00:00.000Z',
  overdue: true,
  supervised: true,
  leaderRef: null,
  backlog: false,
};

describe('the city view’s documented answers', () => {
  it('the city list: a row as the service builds it, with its subject and names, is what the schema describes', () => {
    const item = {
      ...caseListItemOf(row),
      subject: '拖欠农民工工资',
      holdingUnitName: '延津县人力资源和社会保障局',
      placeName: '新乡市延津县东屯镇东屯村',
    };
    expect(cityListPageSchema.parse({ items: [item], total: 1 })).toEqual({
      items: [
        { ...listed, subject: '拖欠农民工工资', holdingUnitName: '延津县人力资源和社会保障局', placeName: '新乡市延津县东屯镇东屯村' },
      ],
      total: 1,
    });
  });

  it('the city list: a status outside the vocabulary is not what the schema describes', () => {
    const item = { ...caseListItemOf({ ...row, status: 'lost' }), subject: null, holdingUnitName: null, placeName: null };
    expect(cityListPageSchema.safeParse({ items: [item], total: 1 }).success).toBe(false);
  });

  it('a case: its clocks carry a ledger status, never another word', () => {
    const clock = {
      clockId: 'k1',
      kind: 'acceptance',
      stage: 'original',
      unitId: '410726000000:dept-hrss',
      article: '第三十二条',
      startAt: '2026-12-01T01:00:00.000Z',
      dueAt: '2026-12-16T15:59:59.999Z',
      lastDay: '2026-12-16',
      provisional: false,
      status: 'running',
      late: null,
      stoppedAt: null,
    };
    const view = { ...caseListItemOf(row), heldBy: ['410726000000:dept-hrss'], flags: { supervised: true }, clocks: [clock], timeline: [] };
    expect(caseViewSchema.safeParse(view).success).toBe(true);
    expect(caseViewSchema.safeParse({ ...view, clocks: [{ ...clock, status: 'late' }] }).success).toBe(false);
  });
});
