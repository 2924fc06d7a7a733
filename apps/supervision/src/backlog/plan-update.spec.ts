import { planUpdateSql } from './backlog-register.service';

const NOW = new Date('2026-12-02T02:00:00.000Z');

describe('a backlog plan update', () => {
  it('changes only the plan when only the plan is given (the due date stays)', () => {
    expect(planUpdateSql({ plan: '分期兑付欠薪' }, NOW)).toEqual({ set: 'plan = $2, plan_updated_at = $3', params: ['分期兑付欠薪', NOW] });
  });

  it('changes the due date alone, or clears it when sent as null', () => {
    expect(planUpdateSql({ planDueDate: '2027-06-30' }, NOW)).toEqual({
      set: 'plan_due_date = $2, plan_updated_at = $3',
      params: ['2027-06-30', NOW],
    });
    expect(planUpdateSql({ planDueDate: null }, NOW)).toEqual({ set: 'plan_due_date = $2, plan_updated_at = $3', params: [null, NOW] });
  });

  it('changes every field named', () => {
    expect(planUpdateSql({ plan: '县领导包案', planDueDate: '2027-06-30', unitId: '410726000000:dept-hrss' }, NOW)).toEqual({
      set: 'plan = $2, plan_due_date = $3, unit_id = $4, plan_updated_at = $5',
      params: ['县领导包案', '2027-06-30', '410726000000:dept-hrss', NOW],
    });
  });
});
