import { smtpOutcome } from './smtp-outcome';

describe('smtpOutcome', () => {
  it('rejects a permanent reply (550 no such mailbox)', () => {
    expect(smtpOutcome({ code: 'EENVELOPE', responseCode: 550, message: 'Mailbox unavailable' })).toEqual({
      outcome: 'rejected',
      reason: 'EENVELOPE 550: Mailbox unavailable',
    });
  });

  it('masks the recipient a server names in its reply (the reason is stored)', () => {
    expect(
      smtpOutcome({
        code: 'EENVELOPE',
        responseCode: 550,
        message: "Can't send mail - all recipients were rejected: 550 5.1.1 <zhang.san@dongtun.example>: Recipient address rejected",
      }),
    ).toEqual({
      outcome: 'rejected',
      reason: "EENVELOPE 550: Can't send mail - all recipients were rejected: 550 5.1.1 <***@dongtun.example>: Recipient address rejected",
    });
  });

  it('retries a temporary reply (451 try again later)', () => {
    expect(smtpOutcome({ code: 'EENVELOPE', responseCode: 451, message: 'Try again later' }).outcome).toBe('retry');
  });

  it('retries when the server cannot be reached or times out', () => {
    expect(smtpOutcome({ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:1' })).toEqual({
      outcome: 'retry',
      reason: 'ECONNECTION: connect ECONNREFUSED 127.0.0.1:1',
    });
    expect(smtpOutcome({ code: 'ETIMEDOUT', message: 'Greeting never received' }).outcome).toBe('retry');
  });

  it('rejects an envelope nodemailer refuses before sending (no recipient)', () => {
    expect(smtpOutcome({ code: 'EENVELOPE', message: 'No recipients defined' }).outcome).toBe('rejected');
  });
});
