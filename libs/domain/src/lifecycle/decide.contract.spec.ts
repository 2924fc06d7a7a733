import { BUREAU, commands, DEPT, play } from './__fixtures__/case.fixtures';
import type { CaseCommand } from './case-command';
import { initialCaseState } from './case-state';
import { decide } from './decide';
import { DecisionMessages } from './decision-error';

describe('decide and the contracts', () => {
  it('refuses a payload that breaks its contract, saying which field, and emits nothing', () => {
    const { state } = play([commands.register(), commands.dispatch(BUREAU, DEPT), commands.sign(DEPT)]);
    const decision = decide(state, {
      name: 'not-accept',
      payload: { unitId: DEPT, reason: { code: 'other', text: '长'.repeat(201) }, properChannel: 'litigation' },
    });
    expect(decision).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND', command: 'not-accept', status: 'signed' } });
    expect(!decision.ok && decision.error.details?.[0]).toContain('reason.text');
  });

  it('drops fields the contract does not know (no personal data slips into an event)', () => {
    const payload = { ...commands.register().payload, petitionerName: '张三', idNumber: '410726199001011234' };
    const decision = decide(initialCaseState(), { name: 'register', payload } as CaseCommand);
    expect(decision.ok).toBe(true);
    expect(decision.ok && decision.events[0]?.payload).not.toHaveProperty('petitionerName');
    expect(decision.ok && decision.events[0]?.payload).not.toHaveProperty('idNumber');
  });

  it('returns a coded error instead of throwing on a command it does not know or without payload', () => {
    const unknown = { name: 'teleport', payload: {} } as unknown as CaseCommand;
    expect(decide(initialCaseState(), unknown)).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
    const noPayload = { name: 'sign' } as unknown as CaseCommand;
    expect(decide(initialCaseState(), noPayload)).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
  });

  it('explains every refusal in Chinese and English', () => {
    const decision = decide(initialCaseState(), commands.sign(DEPT));
    expect(decision).toEqual({
      ok: false,
      error: {
        code: 'ILLEGAL_TRANSITION',
        status: null,
        command: 'sign',
        message: { zh: DecisionMessages.ILLEGAL_TRANSITION.zh, en: DecisionMessages.ILLEGAL_TRANSITION.en },
      },
    });
    for (const message of Object.values(DecisionMessages)) {
      expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(message.en.length).toBeGreaterThan(5);
    }
  });

  it('takes only a claim route for claims (Art 31)', () => {
    const { state } = play([commands.register({ type: 'suggestion' }), commands.dispatch(BUREAU, DEPT), commands.sign(DEPT)]);
    expect(decide(state, commands.accept(DEPT, 'petition'))).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
  });
});
