import { UNITS } from './support/notification-world';
import { NotificationWorld } from './support/notification-world';

// The live notice stream ends when its token expires (issue 18): the server sends `token-expired` and closes.
describe('notification: GET /notices/stream ends at the token’s exp', () => {
  const world = NotificationWorld.forSuite('2026-03-02T02:00:00.000Z');

  it('streams until exp, then sends token-expired and ends the response', async () => {
    const unit = UNITS.hrss;
    const token = await world.keys.token({ sub: 'hrss-clerk', unit, division: unit.slice(0, 12), roles: ['clerk'] }, 3);
    const opened = Date.now();
    const res = await fetch(`${world.url}/notices/stream`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text(); // ends only when the server ends the stream
    const lasted = Date.now() - opened;
    expect(text.trim().split('\n')).toEqual([
      'event: token-expired',
      expect.stringMatching(/^id: /) as string,
      'data: {"code":"TOKEN_EXPIRED","message":{"zh":"访问令牌已过期，请重新登录后再连接","en":"the token expired: sign in again and reconnect"}}',
    ]);
    // exp is in whole seconds, 2 to 3 s after signing (the 15 s heartbeat never came).
    expect(lasted).toBeGreaterThan(1000);
    expect(lasted).toBeLessThan(8000);
  });

  it('refuses a token expired beyond the 30 s clock tolerance with 401 TOKEN_EXPIRED before streaming anything', async () => {
    const unit = UNITS.hrss;
    const token = await world.keys.token({ sub: 'hrss-clerk', unit, division: unit.slice(0, 12), roles: ['clerk'] }, -120);
    const res = await fetch(`${world.url}/notices/stream`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'TOKEN_EXPIRED', message: { zh: '访问令牌已过期，请重新登录' } });
  });
});
