import { eventually, http, type ServiceHarness, sql } from '@sunshine/testing';

import { claims, labourPetition, startWithDirectory, type UnitKey } from './fixtures';

// Issue 20, 热点问题 as an early warning: intake clusters the texts it holds (GET /hot-topics, service token, case ids
// only), supervision's repeatable scan turns each new cluster into one alert.early-warning of kind hot-topic.
const DONGTUN = '410726101000';

interface Alert {
  kind: string;
  divisionCode: string;
  count: number;
  threshold: number;
  caseIds: string[];
  representativeCaseId: string | null;
  representativeSubject: string | null;
}

// Four residents of 东屯镇 on one matter (the night-time dumping of a chemical plant), each in their own words.
const DUMPING = [
  { subject: '东屯镇化工厂夜间偷排污水', content: '东屯镇北侧化工厂长期夜间向河道偷排污水，河水发黑发臭，鱼虾死亡，请求环保部门查处。' },
  {
    subject: '反映东屯镇化工厂偷排污水',
    content: '东屯镇北边的化工厂晚上偷偷向河道排放污水，河水又黑又臭，鱼虾死了很多，请环保部门尽快查处。',
  },
  {
    subject: '化工厂夜里往河里排污水',
    content: '东屯镇化工厂夜间往村边河道偷排污水，河水发黑发臭，村民饮水受影响，请求环保部门查处关停。',
  },
  { subject: '东屯镇化工厂污染河道', content: '东屯镇北侧化工厂夜间偷排污水到河道，河水发臭发黑，鱼虾大量死亡，请环保部门查处。' },
];
const DUMPING_AGAIN = {
  subject: '再次反映东屯镇化工厂偷排污水',
  content: '东屯镇北侧化工厂仍在夜间向河道偷排污水，河水发黑发臭，请求环保部门查处。',
};
// Another matter, four times: 东屯镇中学 charging for extra lessons.
const FEES = [
  {
    subject: '东屯镇中学违规收取补课费',
    content: '东屯镇中学每学期向学生收取补课费三千元，学生被迫参加补课，家长负担很重，请求教育部门查处。',
  },
  { subject: '反映东屯镇中学收补课费', content: '东屯镇中学强制学生参加补课，每学期收取补课费三千元，家长负担重，请教育部门查处。' },
  { subject: '东屯镇中学强制补课收费', content: '东屯镇中学每学期强制补课并收取补课费三千元，学生家长负担很重，请求教育部门查处纠正。' },
  { subject: '中学违规补课收费问题', content: '东屯镇中学违规组织学生补课，每学期收取补课费三千元，家长负担很重，请求教育部门查处。' },
];

describe('hot topics: similar petitions in one county within the window become one early warning', () => {
  let h: ServiceHarness;
  const token = (unit: UnitKey) => h.keys.token(claims(unit));

  async function register(text: { subject: string; content: string }, n: number, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await http<{ caseId: string }>('POST', `${h.url('intake')}/petitions`, {
      token: await token('countyBureau'),
      body: labourPetition({
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
        category: 'environment',
        placeCode: DONGTUN,
        ...text,
        petitioner: { name: `居民${n}`, phone: `1390000${String(n).padStart(4, '0')}` },
        ...extra,
      }),
    });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.caseId;
  }

  const hotTopicAlerts = async (unit: UnitKey): Promise<Alert[]> => {
    const res = await http<Alert[]>('GET', `${h.url('supervision')}/alerts?limit=500`, { token: await token(unit) });
    expect(res.status).toBe(200);
    return res.body.filter((a) => a.kind === 'hot-topic');
  };

  beforeAll(async () => {
    h = await startWithDirectory('small', {
      services: ['routing', 'intake', 'supervision'],
      env: {
        SUPERVISION_HOT_TOPIC_SCAN_MS: '1000',
        SUPERVISION_ALERTS: JSON.stringify({ hotTopics: { days: 7, minSize: 4, similarity: 0.3 } }),
      },
    });
  });

  afterAll(async () => {
    await h?.stopAll();
  });

  it('gives supervision case ids only (never to staff), warns once per cluster, and never clusters an accusation', async () => {
    // The same matter as an accusation (检举控告) against the township: never clustered, so never a text shown.
    const accusation = await register(DUMPING[0], 90, {
      type: 'accusation',
      category: 'other',
      accused: { unitId: `${DONGTUN}:government`, person: '东屯镇某副镇长' },
    });
    const dumping: string[] = [];
    for (const [i, text] of DUMPING.entries()) dumping.push(await register(text, i + 1));
    const subjectOf = new Map(dumping.map((id, i) => [id, DUMPING[i].subject]));

    // intake's endpoint is for services: a staff token is refused.
    const staff = await http<{ code: string }>('GET', `${h.url('intake')}/hot-topics`, { token: await token('countyBureau') });
    expect({ status: staff.status, code: staff.body.code }).toEqual({ status: 403, code: 'SERVICE_ONLY' });
    const service = await h.keys.token({
      sub: 'service:supervision',
      unit: 'service:supervision',
      division: '000000000000',
      roles: ['service'],
    });
    const answer = await http<{
      petitions: number;
      topics: Array<{ divisionCode: string; caseIds: string[]; representativeCaseId: string }>;
    }>('GET', `${h.url('intake')}/hot-topics?days=7&minSize=4`, { token: service });
    expect(answer.status).toBe(200);
    expect(answer.body.petitions).toBe(4);
    expect(answer.body.topics).toHaveLength(1);
    expect(answer.body.topics[0]).toMatchObject({ divisionCode: '410726000000' });
    expect([...answer.body.topics[0].caseIds].sort()).toEqual([...dumping].sort());
    expect(JSON.stringify(answer.body)).not.toContain('化工厂');

    // Supervision's scan raises one warning for the county, naming the four petitions and the representative's subject.
    const [first] = await eventually(
      async () => {
        const alerts = await hotTopicAlerts('countyBureau');
        return alerts.length > 0 ? alerts : undefined;
      },
      90000,
      'the hot-topic warning',
    );
    expect(first).toMatchObject({ kind: 'hot-topic', divisionCode: '410726000000', count: 4, threshold: 4 });
    expect([...first.caseIds].sort()).toEqual([...dumping].sort());
    expect(first.caseIds).not.toContain(accusation);
    expect(dumping).toContain(first.representativeCaseId);
    expect(first.representativeSubject).toBe(subjectOf.get(first.representativeCaseId ?? ''));

    // The cluster grows by a fifth petition; another matter reaches four. Once the second warning is there, a scan has
    // seen the grown cluster too: it raised nothing for it.
    const fifth = await register(DUMPING_AGAIN, 5);
    const fees: string[] = [];
    for (const [i, text] of FEES.entries()) fees.push(await register(text, i + 11, { category: 'education' }));
    const alerts = await eventually(
      async () => {
        const all = await hotTopicAlerts('countyBureau');
        return all.length >= 2 ? all : undefined;
      },
      90000,
      'the second hot-topic warning',
    );
    expect(alerts).toHaveLength(2);
    const second = alerts.find((a) => a.caseIds.includes(fees[0]));
    expect([...(second?.caseIds ?? [])].sort()).toEqual([...fees].sort());
    const again = alerts.find((a) => a.caseIds.includes(dumping[0]));
    expect(again?.caseIds).not.toContain(fifth);
    const rows = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${h.schema('supervision')}".alerts WHERE kind = 'hot-topic'`);
    expect(rows[0]?.n).toBe('2');
  });
});
