import { decide, initialCaseState } from '@sunshine/domain';
import { decisionException } from './decision-exception';

describe('decisionException', () => {
  it('maps an illegal transition to a 409 conflict with the status met', () => {
    const decision = decide(initialCaseState('c'), { name: 'sign', payload: { unitId: 'u:x' } });
    if (decision.ok) throw new Error('expected a refusal');
    const error = decisionException(decision.error);
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.kind).toBe('conflict');
    expect(error.details).toEqual({ status: null, command: 'sign' });
    expect(error.localized.zh).toMatch(/当前状态/);
  });

  it('maps a rule of the law (extension over 30 days) to 422 with the reason', () => {
    const error = decisionException({
      code: 'EXTENSION_TOO_LONG',
      status: 'in-progress',
      command: 'request-extension',
      message: { zh: '延期合计不得超过30日', en: 'at most 30 days' },
      details: ['already extended by 10 days'],
    });
    expect(error.kind).toBe('unprocessable');
    expect(error.details).toMatchObject({ reasons: ['already extended by 10 days'] });
  });
});
