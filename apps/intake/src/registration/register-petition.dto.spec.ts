import { correctPetitionSchema } from './correct-petition.dto';
import { registerPetitionSchema } from './register-petition.dto';

const valid = {
  channel: 'visit',
  receivedAt: '2025-03-03T09:00:00+08:00',
  type: 'claim',
  category: 'labour',
  placeCode: '410726101000',
  subject: '拖欠工资',
  content: '老板拖欠工资三个月。',
  petitioner: { name: '张三' },
  form: { kind: 'individual' },
};
const issues = (body: unknown) => {
  const r = registerPetitionSchema.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('registerPetitionSchema', () => {
  it('accepts a complete registration from any channel', () => {
    expect(issues(valid)).toEqual([]);
    expect(issues({ ...valid, channel: 'hotline' })).toEqual([]);
  });

  it('limits a collective petition to 5 representatives and as many people as came (Art 20)', () => {
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `代表${i}` }));
    expect(issues({ ...valid, form: { kind: 'collective', headCount: 30, representatives: reps(5) } })).toEqual([]);
    expect(issues({ ...valid, form: { kind: 'collective', headCount: 30, representatives: reps(6) } })[0]).toMatch(
      /^form\.representatives: .*at most 5/,
    );
    expect(issues({ ...valid, form: { kind: 'collective', headCount: 3, representatives: reps(4) } })[0]).toMatch(/^form: /);
  });

  it('takes a collective visit from 5 people (libs/domain COLLECTIVE_MIN_HEAD_COUNT): 4 are refused with the reason, 5 and 6 pass', () => {
    const collective = (headCount: number) => ({
      ...valid,
      form: { kind: 'collective', headCount, representatives: [{ name: '代表甲' }] },
    });
    expect(issues(collective(4))).toEqual([
      'form: 集体访为5人及以上；不足5人的请按个人访登记 / a collective petition has at least 5 people; register fewer as individual',
    ]);
    expect(issues(collective(5))).toEqual([]);
    expect(issues(collective(6))).toEqual([]);
    // A correction to the form is held to the same rule.
    const correction = (headCount: number) =>
      correctPetitionSchema.safeParse({
        changes: { form: { kind: 'collective', headCount, representatives: [] } },
        reason: { code: 'clerical-error', text: '人数登记有误' },
      }).success;
    expect(correction(4)).toBe(false);
    expect(correction(5)).toBe(true);
  });

  it('requires an accusation to name the accused, and refuses text over 20000 characters', () => {
    expect(issues({ ...valid, type: 'accusation' })).toEqual([expect.stringMatching(/^accused: /)]);
    expect(issues({ ...valid, type: 'accusation', accused: { person: '某科长' } })).toEqual([]);
    expect(issues({ ...valid, content: '字'.repeat(20001) })).toEqual([expect.stringMatching(/^content: /)]);
  });

  it('takes the place as a code of 6 to 12 digits or in words, at least one, and any category words (有访必录入)', () => {
    expect(issues({ ...valid, placeCode: '130102000000', placeText: '河北省石家庄市长安区', category: '宗教事务' })).toEqual([]);
    expect(issues({ ...valid, placeCode: undefined, placeText: '外省某县' })).toEqual([]);
    expect(issues({ ...valid, placeCode: '410726' })).toEqual([]);
    expect(issues({ ...valid, placeCode: undefined })).toEqual([expect.stringMatching(/^placeCode: 须填写事发地区划代码或地名/)]);
    expect(issues({ ...valid, placeCode: '4107' })).toEqual([expect.stringMatching(/^placeCode: 区划代码应为6至12位数字/)]);
    expect(issues({ ...valid, category: '' })).toEqual([expect.stringMatching(/^category: /)]);
  });
});
