import type { CaseState } from '@sunshine/domain';
import { initialCaseState } from '@sunshine/domain';

import { hotlineFeedback, type HotlineFeedbackEvent } from './hotline-feedback';

const HRSS = '410726000000:dept-hrss';
const envelope = {
  id: '0193a1b2-0000-7000-8000-000000000001',
  version: 1,
  occurredAt: '2026-12-01T02:00:00.000Z',
  producer: 'routing',
  caseId: '0193a1b2-0000-7000-8000-0000000000aa',
  jurisdiction: { place: [], unit: [] },
  actor: { kind: 'staff', id: 'head-1' },
  correlationId: '0193a1b2-0000-7000-8000-0000000000cc',
  causationId: null,
};
const state = (status: CaseState['status']): CaseState => ({ ...initialCaseState(), caseNumber: 'XF410726-20261201-0007', status });

describe('hotlineFeedback', () => {
  it('tells the hotline the reply’s outcome and the unit, with no text of the petition or the reply', () => {
    const event = {
      ...envelope,
      type: 'case.replied',
      payload: { unitId: HRSS, stage: 'original', outcome: 'supported', replyDocumentRef: 'routing:reply:1', approvedBy: 'head-1' },
    } as HotlineFeedbackEvent;
    expect(hotlineFeedback(event, state('replied'), 'GD20261201-0042', '延津县人力资源和社会保障局')).toEqual({
      feedbackId: '0193a1b2-0000-7000-8000-000000000001',
      orderNo: 'GD20261201-0042',
      caseNumber: 'XF410726-20261201-0007',
      kind: 'result',
      kindLabel: '办理结果',
      status: 'replied',
      statusLabel: '已答复',
      unit: { id: HRSS, name: '延津县人力资源和社会保障局' },
      outcome: 'supported',
      outcomeLabel: '支持',
      summary: '延津县人力资源和社会保障局已出具信访处理意见：支持',
      occurredAt: '2026-12-01T02:00:00.000Z',
    });
  });

  it('tells the hotline a case closed with the reason’s code only (its free text stays inside)', () => {
    const event = {
      ...envelope,
      type: 'case.closed',
      payload: { unitId: HRSS, reason: { code: 'window-passed', text: '张三未申请复查' } },
    } as HotlineFeedbackEvent;
    const feedback = hotlineFeedback(event, state('closed'), 'GD20261201-0042', '延津县人力资源和社会保障局');
    expect(feedback).toMatchObject({
      kind: 'closed',
      kindLabel: '办结',
      status: 'closed',
      statusLabel: '已办结',
      closingReason: 'window-passed',
      summary: '延津县人力资源和社会保障局：已办结',
    });
    expect(JSON.stringify(feedback)).not.toContain('张三');
  });

  it('tells the hotline a case finalized after re-review', () => {
    const event = { ...envelope, type: 'case.finalized', payload: { unitId: '410700000000:petition-bureau' } } as HotlineFeedbackEvent;
    expect(hotlineFeedback(event, state('finalized'), 'GD1', '新乡市信访局')).toMatchObject({
      kind: 'finalized',
      status: 'finalized',
      statusLabel: '终结（不再受理）',
      summary: '新乡市信访局：终结（不再受理）',
    });
  });

  it('tells the hotline a unit signed for the case (签收)', () => {
    const event = { ...envelope, type: 'case.signed', payload: { unitId: HRSS } } as HotlineFeedbackEvent;
    expect(hotlineFeedback(event, state('signed'), 'GD1', '延津县人力资源和社会保障局')).toEqual({
      feedbackId: '0193a1b2-0000-7000-8000-000000000001',
      orderNo: 'GD1',
      caseNumber: 'XF410726-20261201-0007',
      kind: 'signed',
      kindLabel: '签收',
      status: 'signed',
      statusLabel: '已签收',
      unit: { id: HRSS, name: '延津县人力资源和社会保障局' },
      summary: '延津县人力资源和社会保障局已签收',
      occurredAt: '2026-12-01T02:00:00.000Z',
    });
  });

  it('returns the order (退单) with the reason’s code and the proper channel, not the reason’s words', () => {
    const event = {
      ...envelope,
      type: 'case.not-accepted',
      payload: { unitId: HRSS, reason: { code: 'in-litigation', text: '张三已起诉' }, properChannel: 'litigation' },
    } as HotlineFeedbackEvent;
    const feedback = hotlineFeedback(event, state('not-accepted'), 'GD1', '延津县人力资源和社会保障局');
    expect(feedback).toMatchObject({
      kind: 'returned',
      kindLabel: '退单（不予受理）',
      status: 'not-accepted',
      statusLabel: '不予受理',
      returnReason: 'in-litigation',
      properChannel: 'litigation',
      properChannelLabel: '依法向人民法院提起诉讼',
      summary: '延津县人力资源和社会保障局不予受理，依法向人民法院提起诉讼',
    });
    expect(JSON.stringify(feedback)).not.toContain('张三');
  });
});
