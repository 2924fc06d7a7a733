import { estimatedSimilarity, jaccardSimilarity, lshBandKeys, minhashSignature, shingles, shingleText } from './near-duplicate';

describe('near-duplicate text (MinHash over character 3-grams)', () => {
  it('drops punctuation, whitespace and case, folds full-width forms', () => {
    expect(shingleText('Ａ１，小区 噪音！\n')).toBe('a1小区噪音');
  });

  it('shingles into distinct 3-grams; a short text is its own shingle; nothing for punctuation only', () => {
    expect([...shingles('小区噪音')]).toEqual(['小区噪', '区噪音']);
    expect([...shingles('噪音')]).toEqual(['噪音']);
    expect(shingles('，。！').size).toBe(0);
  });

  it('computes the exact Jaccard similarity: 小区噪音扰民 vs 小区噪音严重 share 2 of 6 shingles', () => {
    expect(jaccardSimilarity('小区噪音扰民', '小区噪音严重')).toBeCloseTo(1 / 3, 10);
    expect(jaccardSimilarity('', '小区噪音严重')).toBe(0);
  });

  it('estimates 1 for the same text typed differently, 0 for texts with nothing in common or nothing to shingle', () => {
    const a = minhashSignature('东屯镇化工厂夜间偷排污水，河水发黑发臭。');
    const b = minhashSignature('东屯镇 化工厂夜间偷排污水 河水发黑发臭');
    expect(estimatedSimilarity(a, b)).toBe(1);
    expect(estimatedSimilarity(a, minhashSignature('学校违规收取补课费每学期三千元'))).toBe(0);
    expect(estimatedSimilarity(minhashSignature('，。'), minhashSignature('！'))).toBe(0);
  });

  it('estimates close to the exact similarity for a second letter on the same matter', () => {
    const first = '我们小区东侧的化工厂长期在夜间偷偷排放污水，河水发黑发臭，鱼虾大量死亡，村民饮水安全受到威胁，希望环保部门尽快查处。';
    const second = '我再次反映：我们社区东侧的化工厂长期在夜间偷偷排放污水，河水发黑发臭，鱼虾大量死亡，希望环保部门尽快查处，谢谢！';
    const exact = jaccardSimilarity(first, second);
    expect(exact).toBeGreaterThan(0.5);
    expect(Math.abs(estimatedSimilarity(minhashSignature(first), minhashSignature(second)) - exact)).toBeLessThan(0.15);
  });

  it('gives 32 band keys, equal for equal texts; none for a text with nothing to shingle', () => {
    const keys = lshBandKeys(minhashSignature('东屯镇化工厂夜间偷排污水'));
    expect(keys).toHaveLength(32);
    expect(keys[0]).toMatch(/^0:[0-9a-f]{32}$/);
    expect(lshBandKeys(minhashSignature('东屯镇，化工厂夜间偷排污水！'))).toEqual(keys);
    expect(lshBandKeys(minhashSignature('。'))).toEqual([]);
  });
});
