import { spawnSync } from 'node:child_process';

/** `npm run -s classify`: one line out per line in, same order, exactly the shape. */
describe('the classify CLI', () => {
  it('answers each JSON line in order with label1, score and top3, a bad line with an error in its place', () => {
    const input = [
      JSON.stringify({ subject: '工厂偷排污水', body: '村旁的化工厂夜里偷偷往河里排放污水，河水发黑发臭。' }),
      JSON.stringify({ body: '公司已经拖欠我们三个月工资，社保也没有缴纳。' }),
      'not json',
      JSON.stringify({ subject: 'hello' }),
    ].join('\n');
    const run = spawnSync('npm', ['run', '-s', 'classify'], { input, encoding: 'utf8', timeout: 60000 });
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { label1?: string; score?: number; top3?: [string, number][]; error?: string });
    expect(lines).toHaveLength(4);
    expect(lines[0].label1).toBe('环境保护');
    expect(lines[1].label1).toBe('劳动和社会保障');
    expect(lines[2]).toEqual({ error: 'not JSON' });
    expect(lines[3].score).toBe(0);
    for (const line of [lines[0], lines[1], lines[3]]) {
      expect(Object.keys(line)).toEqual(['label1', 'score', 'top3']);
      expect(line.top3).toHaveLength(3);
      expect(line.top3?.[0][0]).toBe(line.label1);
    }
  }, 60000);
});
