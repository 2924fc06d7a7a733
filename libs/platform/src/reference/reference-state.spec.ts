import type { ReferenceKind } from '@sunshine/contracts';

import { type ReferenceItem, type ReferencePayload, referenceValueOf } from './reference-item';
import { ReferenceState } from './reference-state';

// 春节 2027 as a hand-written arrangement would have it: 2/5 (除夕, Fri) to 2/13 (Sat) off, 2/14 (Sun) worked.
const SPRING_2027 = {
  year: 2027,
  holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'],
  workdays: ['2027-02-14'],
  source: 'test',
};

function item<K extends ReferenceKind>(kind: K, id: string, payload: ReferencePayload<K>): ReferenceItem<K> {
  return { kind, id, revision: payload.revision, payload, value: referenceValueOf(kind, payload), publishedAt: null, publishedBy: null };
}

describe('ReferenceState', () => {
  it('answers with the bundled defaults when nothing was published', () => {
    const state = ReferenceState.empty();
    expect(state.calendar.isPublished(2026)).toBe(true);
    expect(state.calendar.isPublished(2027)).toBe(false);
    expect(state.calendar.dayInfo('2027-02-12')).toEqual({ date: '2027-02-12', kind: 'workday', working: true, provisional: true });
    expect(state.policies).toEqual([]);
    expect(state.ruleSet.id).toBe('default');
    expect(state.categories().label('labour')).toBe('劳资纠纷');
  });

  it('counts with a published year: its holidays are rest days, its make-up days working days, nothing provisional', () => {
    const state = ReferenceState.of([item('calendar-year', '2027', { ...SPRING_2027, revision: 1 })]);
    // A day off named by the holiday of its run (2/5–2/13 holds 春节 2/5–2/8).
    expect(state.calendar.dayInfo('2027-02-12')).toEqual({
      date: '2027-02-12',
      kind: 'holiday',
      working: false,
      provisional: false,
      statutoryHolidays: ['spring-festival'],
    });
    expect(state.calendar.dayInfo('2027-02-14')).toEqual({
      date: '2027-02-14',
      kind: 'make-up-workday',
      working: true,
      provisional: false,
    });
    expect(state.calendar.nextWorkingDayOnOrAfter('2027-02-12')).toEqual({ value: '2027-02-14', provisional: false, unpublishedYears: [] });
    expect(state.items('calendar-year').map((i) => [i.id, i.revision])).toEqual([['2027', 1]]);
  });

  it('never lets an older or equal revision replace a newer one', () => {
    const v2 = item('calendar-year', '2027', { ...SPRING_2027, workdays: [], revision: 2 });
    const v1 = item('calendar-year', '2027', { ...SPRING_2027, revision: 1 });
    const state = ReferenceState.of([v2]);
    expect(state.withItems([v1])).toBe(state);
    expect(state.withItems([{ ...v1, revision: 2 }])).toBe(state);
    expect(state.item('calendar-year', '2027')?.revision).toBe(2);
    expect(state.calendar.dayInfo('2027-02-14').kind).toBe('weekend');
  });

  it('holds the policies, the rule set in force and a category table as published', () => {
    const state = ReferenceState.of([
      item('deadline-policy', 'xinxiang', {
        id: 'xinxiang',
        jurisdiction: '410700000000',
        clocks: [{ kind: 'acceptance', amount: 10 }],
        revision: 1,
      }),
      item('routing-rule-set', 'active', {
        id: 'active',
        ruleSet: { id: 'xinxiang-rules', version: 3, rules: [{ id: 'all-to-desk', kind: 'manual', when: {}, reason: '人工分办' }] },
        activatedAt: '2027-01-02T03:04:05.000Z',
        revision: 4,
      }),
      item('category-table', 'default', {
        id: 'default',
        categories: [
          { code: 'land-resources', zh: '自然资源', en: 'Land' },
          { code: 'grassland', zh: '草场纠纷', en: 'Grassland', parent: 'land-resources' },
        ],
        revision: 1,
      }),
    ]);
    expect(state.policies).toEqual([{ id: 'xinxiang', jurisdiction: '410700000000', clocks: [{ kind: 'acceptance', amount: 10 }] }]);
    expect([state.ruleSet.id, state.ruleSet.version, state.ruleSet.rules.map((r) => r.kind)]).toEqual(['xinxiang-rules', 3, ['manual']]);
    expect(state.categories().label('grassland')).toBe('草场纠纷');
    expect(state.categories().has('labour')).toBe(false);
  });
});

describe('referenceValueOf', () => {
  it('refuses what the domain refuses', () => {
    expect(() => referenceValueOf('calendar-year', { ...SPRING_2027, workdays: ['2027-02-15'] })).toThrow(/weekday/);
    expect(() =>
      referenceValueOf('deadline-policy', { id: 'p', jurisdiction: '410700000000', clocks: [{ kind: 'new-clock', amount: 3 }] }),
    ).toThrow(/new-clock/);
    expect(() =>
      referenceValueOf('routing-rule-set', {
        id: 'active',
        ruleSet: {
          id: 's',
          version: 1,
          rules: [
            { id: 't', kind: 'territorial' },
            { id: 'a', kind: 'accusation' },
          ],
        },
        activatedAt: null,
      }),
    ).toThrow(/before the territorial rule/);
    expect(() =>
      referenceValueOf('category-table', { id: 'default', categories: [{ code: 'grassland', zh: '草场', en: 'G', parent: 'land' }] }),
    ).toThrow(/unknown parent land/);
  });
});
