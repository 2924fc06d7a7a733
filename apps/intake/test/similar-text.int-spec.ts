import { forSuite } from '@sunshine/testing';

import { IntakeWorld, petition, type Registered } from './support/intake-world';

type Match = { caseId: string; score: number; basis: string; reason: { zh: string; en: string } };
type WithSimilar = Registered & { checks: Registered['checks'] & { similarText?: Match | null } };

// Issue 20, repeat detection's second cut: a near-duplicate text through another channel, by another caller.
describe('intake registration: near-duplicate text beside the same-person match', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );

  async function register(body: Record<string, unknown>): Promise<WithSimilar> {
    const res = await w.call<WithSimilar>('POST', '/petitions', body, 'countyBureau');
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const SMELL = {
    subject: '东屯镇化工厂夜间偷排污水',
    content:
      '东屯镇北侧的化工厂长期在夜间偷偷向村边河道排放污水，河水发黑发臭，鱼虾大量死亡，村民饮水安全受到威胁，请求环保部门尽快查处并关停。',
  };
  const SMELL_BY_LETTER = {
    subject: '再次反映东屯镇化工厂夜间偷排污水',
    content:
      '各位领导好，东屯镇北侧的化工厂长期在夜间偷偷向村边河道排放污水，河水发黑发臭，鱼虾大量死亡，请求环保部门尽快查处并关停，谢谢！',
  };

  it('names the earlier case whose text is a near duplicate, with score and reason, and flags nothing by itself', async () => {
    const first = await register(
      petition({ channel: 'hotline', category: 'environment', petitioner: { name: '孙大明', phone: '13600001111' }, ...SMELL }),
    );
    expect(first.checks.similarText).toBeNull();
    const [stored] = await w.sql<{ bytes: number; bands: string }>(
      `SELECT octet_length(s.signature) AS bytes, (SELECT count(*) FROM intake.petition_text_bands b WHERE b.case_id = s.case_id) AS bands
         FROM intake.petition_text_signatures s WHERE s.case_id = $1`,
      [first.caseId],
    );
    // 128 minimum hashes of 4 bytes; 32 band keys (no text is stored with them).
    expect(stored).toEqual({ bytes: 512, bands: '32' });

    // Another person, another channel, the same matter in other words: no same-person repeat, a similar text.
    const letter = await register(
      petition({ channel: 'letter', category: 'environment', petitioner: { name: '周小梅' }, ...SMELL_BY_LETTER }),
    );
    expect(letter.checks.repeat).toBeNull();
    const similar = letter.checks.similarText;
    expect(similar).toMatchObject({ caseId: first.caseId, basis: 'near-duplicate-text' });
    expect(similar?.score).toBeGreaterThanOrEqual(0.4);
    expect(similar?.reason.zh).toBe(`文本高度相似（可能为同一事项经其他渠道重复反映），事项内容相似度${similar?.score.toFixed(2)}`);
    expect(letter.flags.repeatOf).toBeUndefined();
  });

  it('finds nothing for another matter, and leaves it to the same-person match when there is one', async () => {
    const other = await register(
      petition({
        channel: 'letter',
        category: 'education',
        petitioner: { name: '吴老师' },
        subject: '中学违规收取补课费',
        content: '东屯镇中学每学期向每名学生收取补课费三千元，学生被迫参加，家长负担很重，请求教育部门查处。',
      }),
    );
    expect(other.checks.similarText).toBeNull();
    // 孙大明 calls again on the same matter: the phone names him (same-person repeat); the text match is not repeated.
    const again = await register(
      petition({ channel: 'hotline', category: 'environment', petitioner: { name: '孙大明', phone: '13600001111' }, ...SMELL_BY_LETTER }),
    );
    expect(again.checks.repeat).toMatchObject({ basis: 'same-phone' });
    expect(again.checks.similarText).toBeNull();
  });
});
