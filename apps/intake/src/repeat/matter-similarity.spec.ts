import { cosine, IdfTable, MatterSimilarity, matterText } from './matter-similarity';

const wages = matterText('拖欠农民工工资', '本人在东屯镇某建筑工地务工，工程结束后老板拖欠工资三个月未付，请求帮助追讨。');
const wagesAgain = matterText('再次反映工地拖欠工资', '东屯镇建筑工地老板拖欠我们农民工工资至今未付，已经三个多月，请求追讨欠薪。');
const pollution = matterText('化工厂夜间排放废气', '村北化工厂每天夜间排放刺鼻废气，村民头晕恶心，请求环保部门查处。');

describe('MatterSimilarity', () => {
  const sim = MatterSimilarity.get();

  it('scores the same matter told twice high and different matters low', () => {
    expect(sim.score(wages, wagesAgain)).toBeGreaterThan(0.6);
    expect(sim.score(wages, pollution)).toBeLessThan(0.2);
    expect(sim.score(wages, wages)).toBeCloseTo(1, 5);
  });

  it('segments Chinese words and drops single characters and boilerplate', () => {
    const terms = sim.terms('本人在东屯镇某建筑工地务工');
    expect(terms).toContain('建筑工地');
    expect(terms).not.toContain('本人');
    expect(terms.every((t) => [...t].length >= 2)).toBe(true);
  });

  it('gives 0 for an empty vector', () => {
    expect(cosine(new Map(), new Map([['a', 1]]))).toBe(0);
  });
});

describe("IdfTable (jieba's IDF, compact)", () => {
  it('answers the weight of each listed term, the last of a term listed twice, and nothing for others', () => {
    const table = IdfTable.parse('劳动防护 13.900677652\n生化学 13.5\nnew york 9.25\n\n坏行\n无权重 x\n生化学 12\n岗上 11.5027823792');
    expect(table.get('劳动防护')).toBe(13.900677652);
    expect(table.get('生化学')).toBe(12);
    expect(table.get('new york')).toBe(9.25);
    expect(table.get('岗上')).toBe(11.5027823792);
    expect(table.get('生化')).toBeUndefined();
    expect(table.get('无权重')).toBeUndefined();
    expect(table.get('')).toBeUndefined();
    expect(table.median()).toBe(12);
  });

  it("weighs a term of the real table with jieba's IDF and an unknown one with the median", () => {
    expect(MatterSimilarity.get().vector('生化学')).toEqual(new Map([['生化学', 13.900677652]]));
    expect(MatterSimilarity.get().vector('生化学 生化学')).toEqual(new Map([['生化学', 2 * 13.900677652]]));
  });
});
