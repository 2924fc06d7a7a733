import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { classifyText } from '@sunshine/domain';

import { loadLinearTextModel } from './text-model.loader';

describe('the committed category model (models/category/model.json)', () => {
  const model = loadLinearTextModel();

  it('holds the seven classes it was trained on', () => {
    expect([...model.classes].sort()).toEqual(['交通运输', '劳动和社会保障', '卫生计生', '商贸旅游', '城乡建设', '教育文体', '环境保护']);
    expect(model.idf.length).toBe(144759);
    expect(model.weights.length).toBe(7 * 144759);
    expect(model.lookup.longer.size).toBe(0);
  });

  // Messages written for this test (not from the training data), each with the class a clerk would choose.
  it.each([
    ['学校违规收取补课费', '我孩子所在的中学每学期向学生收取补课费三千元，老师上课不讲重点，逼学生参加课外辅导班。', '教育文体'],
    ['公司拖欠工资', '我在某建筑公司打工，公司已经拖欠我们三个月工资，社保也没有缴纳，找老板多次无果。', '劳动和社会保障'],
    ['工厂偷排污水', '村旁的化工厂夜里偷偷往河里排放污水，河水发黑发臭，鱼都死了。', '环境保护'],
    ['医院乱收费', '县人民医院住院期间多收检查费，医生开大处方，药价比外面高很多。', '卫生计生'],
    ['超市卖过期食品', '小区门口的超市出售过期食品，消费者投诉后商家拒绝退货赔偿。', '商贸旅游'],
  ])('%s → %s', (subject, body, expected) => {
    const result = classifyText(model, { subject, body });
    expect(result.label).toBe(expected);
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.top3).toHaveLength(3);
  });

  it('reads a 20 kB body, and answers a score of 0 for an empty or non-Chinese message', () => {
    const long = classifyText(model, { subject: '夜间施工噪音扰民', body: '工地夜间施工噪音严重影响周边居民休息。'.repeat(1050) });
    expect(long.readable).toBe(true);
    expect(long.score).toBeGreaterThan(0.5);
    expect(classifyText(model, {}).score).toBe(0);
    expect(classifyText(model, { subject: 'Noise complaint', body: 'The construction site is too loud at night.' }).score).toBe(0);
  });

  it('refuses a model file whose arrays do not match its vocabulary', () => {
    const path = join(tmpdir(), `bad-model-${process.pid}.json`);
    writeFileSync(
      path,
      JSON.stringify({
        kind: 'sunshine.linear-text-classifier',
        version: 'x',
        analyzer: { ngramMin: 1, ngramMax: 2, lowercase: true, subjectRepeat: 2, sublinearTf: true },
        classes: ['a', 'b'],
        temperature: 1,
        vocabulary: ['x', 'y'],
        idf: Buffer.from(new Float32Array([1]).buffer).toString('base64'),
        coef: '',
        intercept: '',
      }),
    );
    expect(() => loadLinearTextModel(path)).toThrow('idf holds 1 values, expected 2');
  });
});
