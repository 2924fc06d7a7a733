import { EventCatalog } from '../catalog';
import { Topics } from '../topics';
import {
  referenceCalendarYearV1,
  referenceCategoryTableV1,
  referenceDeadlinePolicyV1,
  referenceKey,
  referenceRoutingRuleSetV1,
} from './reference-data.event';

describe('reference-data events', () => {
  it('puts every reference.* type on the compacted reference-data topic, with the owner that publishes it', () => {
    const reference = Object.entries(EventCatalog).filter(([type]) => type.startsWith('reference.'));
    expect(reference.map(([type, d]) => [type, d.topic, d.producer])).toEqual([
      ['reference.calendar-year', Topics.referenceData, 'supervision'],
      ['reference.deadline-policy', Topics.referenceData, 'supervision'],
      ['reference.routing-rule-set', Topics.referenceData, 'routing'],
      ['reference.category-table', Topics.referenceData, 'routing'],
    ]);
  });

  it('keys an item `<kind>:<id>`', () => {
    expect(referenceKey('calendar-year', '2027')).toBe('calendar-year:2027');
    expect(referenceKey('routing-rule-set', 'active')).toBe('routing-rule-set:active');
  });

  it('accepts a year arrangement with its revision, and refuses one without a revision or with a non-date', () => {
    const year = { year: 2027, holidays: ['2027-01-01'], workdays: [], source: '国办发明电', revision: 1 };
    expect(referenceCalendarYearV1.safeParse(year).success).toBe(true);
    expect(referenceCalendarYearV1.safeParse({ ...year, revision: 0 }).success).toBe(false);
    expect(referenceCalendarYearV1.safeParse({ ...year, holidays: ['2027-02-30'] }).success).toBe(false);
  });

  it('keeps unknown clock and rule fields (the domain validates them) but needs their kind', () => {
    const policy = { id: 'xinxiang', jurisdiction: '410700000000', clocks: [{ kind: 'acceptance', amount: 10 }], revision: 2 };
    expect(referenceDeadlinePolicyV1.parse(policy).clocks[0]).toEqual({ kind: 'acceptance', amount: 10 });
    expect(referenceDeadlinePolicyV1.safeParse({ ...policy, clocks: [{ amount: 10 }] }).success).toBe(false);
    expect(referenceDeadlinePolicyV1.safeParse({ ...policy, jurisdiction: null }).success).toBe(false);

    const set = {
      id: 'active',
      ruleSet: { id: 'law-default', version: 1, rules: [{ id: 'territorial', kind: 'territorial' }] },
      activatedAt: null,
      revision: 1,
    };
    expect(referenceRoutingRuleSetV1.safeParse(set).success).toBe(true);
    expect(referenceRoutingRuleSetV1.safeParse({ ...set, id: 'other' }).success).toBe(false);
  });

  it('accepts a category table and refuses a bad code', () => {
    const table = { id: 'default', categories: [{ code: 'labour', zh: '劳资纠纷', en: 'Labour disputes' }], revision: 1 };
    expect(referenceCategoryTableV1.safeParse(table).success).toBe(true);
    expect(referenceCategoryTableV1.safeParse({ ...table, categories: [{ code: 'Labour', zh: '劳资', en: 'L' }] }).success).toBe(false);
  });
});
