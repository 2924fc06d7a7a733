import { describe, expect, it } from '@jest/globals';

import { withinPeriod, withinPlace } from './list-filter';

describe('the supervision lists’ filters', () => {
  it('a place holds itself and what lies below it', () => {
    expect(withinPlace('410726101000', '410726000000')).toBe(true); // 东屯镇 in 延津县
    expect(withinPlace('410726101201', '410726101000')).toBe(true); // a village of 东屯镇
    expect(withinPlace('410727100000', '410726000000')).toBe(false); // 封丘县城关镇 is not in 延津县
    expect(withinPlace('410726102000', '410726101000')).toBe(false); // 丰庄镇 is not in 东屯镇
    expect(withinPlace('410726101000', '410700000000')).toBe(true); // in 新乡市
    expect(withinPlace(null, '410726000000')).toBe(false);
    expect(withinPlace(null, undefined)).toBe(true);
  });

  it('a period is of Beijing days, both ends included', () => {
    // 2026-11-30T16:30Z is 2026-12-01 00:30 in Beijing.
    expect(withinPeriod('2026-11-30T16:30:00Z', ['2026-12-01', '2026-12-31'])).toBe(true);
    expect(withinPeriod('2026-11-30T15:59:00Z', ['2026-12-01', '2026-12-31'])).toBe(false);
    expect(withinPeriod('2026-12-31T15:59:59Z', ['2026-12-01', '2026-12-31'])).toBe(true);
    expect(withinPeriod('2026-12-31T16:00:00Z', ['2026-12-01', '2026-12-31'])).toBe(false);
    expect(withinPeriod(null, ['2026-12-01', '2026-12-31'])).toBe(false);
    expect(withinPeriod(null, undefined)).toBe(true);
  });
});
