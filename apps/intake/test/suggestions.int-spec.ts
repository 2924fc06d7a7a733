import { spawnSync } from 'node:child_process';

import type { EventOf } from '@sunshine/contracts';
import { forSuite } from '@sunshine/testing';

import { DONGTUN, IntakeWorld, petition, type Registered } from './support/intake-world';

interface Suggested {
  label1: string;
  score: number;
  category: { code: string; zh: string };
}
interface SuggestionBody {
  model: string;
  readable: boolean;
  suggested: Suggested;
  top3: Suggested[];
  unit?: { manual: boolean; unitId?: string; name?: string; mode?: string; reasons: string[] };
  note?: string;
  code?: string;
}

const POLLUTION = { subject: '工厂偷排污水', body: '东屯镇村旁的化工厂夜里偷偷往河里排放污水，河水发黑发臭，鱼都死了，请有关部门查处。' };

describe('intake: POST /suggestions (智能分类 at registration)', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );

  it('suggests the category from the text and the unit the routing rules in force choose at the place', async () => {
    const res = await w.call<SuggestionBody>('POST', '/suggestions', { ...POLLUTION, placeCode: DONGTUN }, 'countyBureau');
    expect(res.status).toBe(200);
    expect(res.body.readable).toBe(true);
    expect(res.body.suggested.label1).toBe('环境保护');
    expect(res.body.suggested.category).toEqual({ code: 'environment', zh: '环境保护' });
    expect(res.body.top3.map((s) => s.label1)[0]).toBe('环境保护');
    expect(res.body.top3).toHaveLength(3);
    expect(res.body.unit).toMatchObject(EXPECTED_UNIT);
  });

  it('agrees with the classify CLI on the same text (label and score)', async () => {
    const res = await w.call<SuggestionBody>('POST', '/suggestions', POLLUTION, 'countyBureau');
    const cli = spawnSync('npm', ['run', '-s', 'classify'], { input: `${JSON.stringify(POLLUTION)}\n`, encoding: 'utf8', timeout: 60000 });
    const line = JSON.parse(cli.stdout) as { label1: string; score: number };
    expect(res.body.suggested.label1).toBe(line.label1);
    expect(res.body.suggested.score).toBeCloseTo(line.score, 4);
    expect(res.body.unit).toBeUndefined();
  }, 60000);

  it('answers an empty or non-Chinese text with a zero score and a note (the clerk chooses), a 20 kB body normally', async () => {
    const empty = await w.call<SuggestionBody>('POST', '/suggestions', {}, 'countyBureau');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ readable: false, suggested: { score: 0 } });
    expect(empty.body.note).toContain('请人工选择');
    const english = await w.call<SuggestionBody>('POST', '/suggestions', { body: 'The factory pollutes the river.' }, 'countyBureau');
    expect(english.body.suggested.score).toBe(0);
    const long = await w.call<SuggestionBody>(
      'POST',
      '/suggestions',
      { subject: '施工噪音扰民', body: '工地夜间施工噪音严重影响周边居民休息。'.repeat(1050) },
      'countyBureau',
    );
    expect(long.status).toBe(200);
    expect(long.body.readable).toBe(true);
  });

  it('records the suggestion beside the category the clerk registered (accepted or not) on petition.registered', async () => {
    const suggestion = { model: 'teddy-7-char12-svm-1', category: 'environment', score: 0.9987 };
    const taken = await w.call<Registered>(
      'POST',
      '/petitions',
      petition({ category: 'environment', ...POLLUTION, suggestion }),
      'countyBureau',
    );
    const changed = await w.call<Registered>(
      'POST',
      '/petitions',
      petition({ category: 'agriculture', ...POLLUTION, suggestion }),
      'countyBureau',
    );
    expect([taken.status, changed.status]).toEqual([201, 201]);
    const [first] = (await w.waitFor(taken.body.caseId, 'petition.registered')) as Array<EventOf<'petition.registered'>>;
    const [second] = (await w.waitFor(changed.body.caseId, 'petition.registered')) as Array<EventOf<'petition.registered'>>;
    expect(first?.payload.suggestion).toEqual({ ...suggestion, accepted: true });
    expect(second?.payload.suggestion).toEqual({ ...suggestion, accepted: false });
  });

  it('refuses a body over 20,000 characters (400) and a caller without a token (401)', async () => {
    const tooLong = await w.call<SuggestionBody>('POST', '/suggestions', { body: '噪'.repeat(20001) }, 'countyBureau');
    expect(tooLong.status).toBe(400);
    expect((await w.call<SuggestionBody>('POST', '/suggestions', POLLUTION)).status).toBe(401);
  });
});

// What the default rule set decides for a pollution claim at 东屯镇 registered by the county bureau (DESIGN §5: 属地,
// then 谁主管、谁负责 — the county's ecology branch is competent for environmental matters, 交办 by the county bureau).
const EXPECTED_UNIT = { manual: false, unitId: '410726000000:dept-ecology', name: '新乡市生态环境局延津分局', mode: 'assign' };
