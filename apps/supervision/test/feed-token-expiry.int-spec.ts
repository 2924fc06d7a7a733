import { UNITS } from './support/directory';
import { SupervisionWorld } from './support/supervision-world';

// The live feed ends when its token expires (issue 18): the server sends `token-expired` and closes the response.
describe('supervision: GET /feed ends at the token’s exp', () => {
  const world = SupervisionWorld.forSuite('2026-03-02T02:00:00.000Z');

  it('streams until exp, then sends token-expired and ends the response', async () => {
    const unit = UNITS.cityBureau;
    const token = await world.keys.token({ sub: 'city-supervisor', unit, division: unit.slice(0, 12), roles: ['supervisor'] }, 3);
    const opened = Date.now();
    const res = await fetch(`${world.url}/feed`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text(); // ends only when the server ends the stream
    const lasted = Date.now() - opened;
    const lines = text.trim().split('\n');
    expect(lines.slice(-3)).toEqual([
      'event: token-expired',
      expect.stringMatching(/^id: /) as string,
      'data: {"code":"TOKEN_EXPIRED","message":{"zh":"访问令牌已过期，请重新登录后再连接","en":"the token expired: sign in again and reconnect"}}',
    ]);
    expect(lasted).toBeGreaterThan(1000);
    expect(lasted).toBeLessThan(8000);
  });
});
