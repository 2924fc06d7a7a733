import { OrgDirectory, WorkingCalendar } from '@sunshine/domain';

import { noticeParams } from './notice-params';
import { TemplateRenderer } from './template-renderer';

describe('TemplateRenderer (zh-CN, handlebars)', () => {
  const renderer = new TemplateRenderer();

  it('prints the acceptance period as its last day for a case that arrives in the inbox', () => {
    const notice = renderer.render('unit.case-arrived', {
      caseNumber: '410726-2026-000123',
      stage: '原办',
      fromUnitName: '延津县信访局',
      mode: '转送',
      lastDay: '2026-03-17',
    });
    expect(notice).toEqual({
      kind: 'unit.case-arrived',
      version: 1,
      subject: '新的信访事项：410726-2026-000123',
      text: '延津县信访局转送信访事项410726-2026-000123（原办）已到达本单位，请及时签收、办理，受理期限至2026-03-17。',
    });
  });

  it('uses the period partial for a deadline warning, and leaves it out without a last day', () => {
    expect(renderer.render('unit.deadline-warning', { caseNumber: 'X-1', lastDay: '2026-05-06' }).text).toBe(
      '信访事项X-1即将到期，期限至2026-05-06，请抓紧办理。',
    );
    expect(renderer.render('unit.deadline-warning', { caseNumber: 'X-1' }).text).toBe('信访事项X-1即将到期，请抓紧办理。');
  });

  it('tells a unit head of a staff flag from the event: the staff reference, the quarter’s first and last days, the streak', () => {
    const flagged = {
      type: 'evaluation.staff-flagged' as const,
      occurredAt: '2026-04-01T01:00:00.000Z',
      payload: {
        flagId: 'f-1',
        staffId: '410726000000:dept-hrss:clerk-7',
        unitId: '410726000000:dept-hrss',
        quarter: { kind: 'quarter', label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' },
        streak: 3,
        caseIds: ['a', 'b', 'c'],
      },
    };
    const params = noticeParams(flagged, null, OrgDirectory.of([]), {
      calendar: WorkingCalendar.fromArrangements([]),
      policies: [],
      asOf: new Date('2026-04-01T01:00:00.000Z'),
    });
    expect(renderer.render('unit.staff-flagged', params)).toEqual({
      kind: 'unit.staff-flagged',
      version: 1,
      subject: '满意度评议提示',
      text: '本单位工作人员410726000000:dept-hrss:clerk-7在2026-01-01至2026-03-31经办的信访事项连续3件被评为不满意，请关注并督促改进。',
    });
  });

  it('prints a 催办 with the bureau, the note and the answer’s last day, and without the parts it lacks', () => {
    expect(
      renderer.render('unit.supervision-reminder', {
        caseNumber: 'X-3',
        fromUnitName: '延津县信访局',
        note: '请抓紧办理',
        lastDay: '2026-05-06',
      }),
    ).toEqual({
      kind: 'unit.supervision-reminder',
      version: 1,
      subject: '催办：X-3',
      text: '延津县信访局就信访事项X-3的督办单向本单位催办：请抓紧办理。请于2026-05-06前书面回复。',
    });
    expect(renderer.render('unit.supervision-reminder', { caseNumber: 'X-3', fromUnitName: '延津县信访局' }).text).toBe(
      '延津县信访局就信访事项X-3的督办单向本单位催办。',
    );
  });

  it('does not escape text (SMS and in-app are plain text)', () => {
    expect(
      renderer.render('petitioner.not-accepted', { caseNumber: 'X-2', reason: '已在<办理>中', properChannel: '向有权处理的机关、单位提出' })
        .text,
    ).toBe('您的信访事项X-2不予受理，理由：已在<办理>中。您可以向有权处理的机关、单位提出。');
  });

  it('refuses a kind without a template', () => {
    expect(() => renderer.render('unit.unknown', {})).toThrow('no template for notice kind unit.unknown');
  });
});
