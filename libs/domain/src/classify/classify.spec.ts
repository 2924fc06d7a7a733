import { categoryForClass, charNgramCounts, classifyText, type LinearTextModelSource, prepareLinearTextModel, tfidfVector } from './index';

describe('charNgramCounts (scikit-learn analyzer=char, lowercase)', () => {
  it('lower-cases, folds runs of whitespace into one space, keeps a single newline, counts 1- and 2-grams', () => {
    expect([...charNgramCounts('Ab  Cd\n', 1, 2).entries()]).toEqual([
      ['a', 1],
      ['b', 1],
      [' ', 1],
      ['c', 1],
      ['d', 1],
      ['\n', 1],
      ['ab', 1],
      ['b ', 1],
      [' c', 1],
      ['cd', 1],
      ['d\n', 1],
    ]);
  });

  it('counts code points, not UTF-16 units (a supplementary-plane character is one character)', () => {
    expect([...charNgramCounts('𠀀a𠀀a', 1, 2).entries()]).toEqual([
      ['𠀀', 2],
      ['a', 2],
      ['𠀀a', 2],
      ['a𠀀', 1],
    ]);
  });
});

describe('classifyText', () => {
  // Two classes over three known n-grams; every figure below is worked out by hand.
  const source: LinearTextModelSource = {
    version: 'hand',
    classes: ['a', 'b'],
    ngramMin: 1,
    ngramMax: 2,
    subjectRepeat: 0,
    sublinearTf: true,
    temperature: 1,
    vocabulary: ['污', '染', '污染'],
    idf: new Float32Array([1, 1, 1]),
    coef: new Float32Array([1, 0, 0, 0, 1, 1]),
    intercept: new Float32Array([0, 0]),
  };
  const model = prepareLinearTextModel(source);

  it('keeps what reading needs, not the source: the weights feature-major, the n-grams by character numbers', () => {
    // coef a = (1, 0, 0), b = (0, 1, 1) → per feature (a, b): 污 (1, 0), 染 (0, 1), 污染 (0, 1).
    expect([...model.weights]).toEqual([1, 0, 0, 1, 0, 1]);
    expect(model.lookup.chars).toBe(2);
    expect(model.lookup.basic['污'.charCodeAt(0)]).toBe(0);
    expect(model.lookup.basic['染'.charCodeAt(0)]).toBe(1);
    expect([...model.lookup.unigrams]).toEqual([0, 1]);
    expect([...model.lookup.bigrams]).toEqual([[0 * 2 + 1, 2]]);
    expect('vocabulary' in model || 'coef' in model).toBe(false);
  });

  it('scores tf-idf (l2-normalised) against each class and answers the softmax: 河水污染 → b 0.6405, a 0.3595', () => {
    // known grams 污, 染, 污染 once each → x = (1,1,1)/√3; a = 1/√3 = 0.5774, b = 2/√3 = 1.1547;
    // softmax: e^0.5774 = 1.7813, e^1.1547 = 3.1731 → b = 0.6405, a = 0.3595.
    const result = classifyText(model, { body: '河水污染' });
    expect(result.label).toBe('b');
    expect(result.score).toBeCloseTo(0.6405, 4);
    expect(result.top3.map(([label, score]) => [label, Number(score.toFixed(4))])).toEqual([
      ['b', 0.6405],
      ['a', 0.3595],
    ]);
    expect(result.knownFeatures).toBe(3);
    expect(result.readable).toBe(true);
  });

  it('applies sublinear tf: 污污污 counts 污 three times (1 + ln 3), still a unit vector → a = 1, b = 0 → a 0.7311', () => {
    // x = (1 + ln3, 0, 0) normalised = (1, 0, 0); decision a 1, b 0; softmax a = e/(e+1) = 0.7311. Four Han characters.
    const result = classifyText(model, { subject: '', body: '污污污水' });
    expect(result.label).toBe('a');
    expect(result.score).toBeCloseTo(0.7311, 4);
  });

  it('gives a clear zero score to text with fewer than four Chinese characters (empty, English, digits), never throwing', () => {
    for (const input of [{}, { subject: null, body: null }, { body: 'water pollution 12345' }, { subject: '污染', body: '' }]) {
      const result = classifyText(model, input);
      expect(result.readable).toBe(false);
      expect(result.score).toBe(0);
      expect(result.top3.every(([, score]) => score === 0)).toBe(true);
    }
  });

  it('writes the subject before the body as often as the model was trained with (subjectRepeat)', () => {
    const twice = { ...model, subjectRepeat: 2 };
    // "污染\n污染\n" → 污 ×2, 染 ×2, 污染 ×2 (the 染\n and \n污 grams are unknown): the same direction as once each.
    expect(classifyText(twice, { subject: '污染', body: '河水' }).score).toBeCloseTo(0.6405, 4);
  });

  it('adds the view weights × the decisions on the subject alone and on the body alone (model.views)', () => {
    const once = { ...model, subjectRepeat: 1 };
    const viewed = { ...once, views: { subject: 0.5, body: 1 } };
    // whole "污\n染水水": 污, 染 known → x = (1,1,0)/√2 → a 0.7071, b 0.7071;
    // subject alone "污\n" → x = (1,0,0) → a 1, b 0, × 0.5 → a 0.5; body alone "\n染水水" → x = (0,1,0) → b 1, × 1 → b 1.
    // decision a 1.2071, b 1.7071 → softmax b = 1/(1+e^-0.5) = 0.6225; without views a tie, 0.5.
    const result = classifyText(viewed, { subject: '污', body: '染水水' });
    expect(result.label).toBe('b');
    expect(result.score).toBeCloseTo(0.6225, 4);
    expect(classifyText(once, { subject: '污', body: '染水水' }).score).toBeCloseTo(0.5, 4);
  });

  it('reads the three views in one pass, counting the n-grams across the seam of subject and body as the whole text does', () => {
    // The 2-gram "\n染" is known (index 3), 水 is not: subject 污水, body 染水, subject once, views subject 0, body 1.
    const seam = prepareLinearTextModel({
      ...source,
      subjectRepeat: 1,
      views: { subject: 0, body: 1 },
      vocabulary: [...source.vocabulary, '\n染'],
      idf: new Float32Array([1, 1, 1, 1]),
      coef: new Float32Array([1, 0, 0, 0, 0, 1, 1, 1]),
    });
    // whole "污水\n染水": 污, 染, \n染 known → x = (1,1,0,1)/√3 → a 0.5774, b 1.1547; body alone "\n染水": 染, \n染 → (0,1,0,1)/√2
    // → b 1.4142; decision a 0.5774, b 2.5689 → b = 1/(1+e^-1.9915) = 0.8799; 3 known features in the whole.
    const joined = classifyText(seam, { subject: '污水', body: '染水' });
    expect(joined.label).toBe('b');
    expect(joined.score).toBeCloseTo(0.8799, 4);
    expect(joined.knownFeatures).toBe(3);
    // A body that starts with whitespace folds into the subject's newline: whole "污水\n  染水" reads "污水 染水" → 污, 染 known →
    // a 0.7071, b 0.7071; body alone "\n  染水" reads " 染水" → 染 → b 1; decision a 0.7071, b 1.7071 → b = 1/(1+e^-1) = 0.7311.
    const folded = classifyText(seam, { subject: '污水', body: '  染水' });
    expect(folded.score).toBeCloseTo(0.7311, 4);
    expect(folded.knownFeatures).toBe(2);
  });
});

describe('n-grams longer than two characters', () => {
  it('are looked up by their text (a model trained on 1-3 grams)', () => {
    // Vocabulary 污, 水, 污水河 (1-3 grams): "污水河水" → 污 ×1, 水 ×2, 污水河 ×1 (the 2-grams and 水河水 unknown); sublinear tf
    // 1, 1 + ln 2 = 1.6931, 1; norm √(1 + 2.8667 + 1) = 2.2061 → (0.4533, 0.7675, 0.4533).
    const model = prepareLinearTextModel({
      version: 'hand-3',
      classes: ['a', 'b'],
      ngramMin: 1,
      ngramMax: 3,
      subjectRepeat: 0,
      sublinearTf: true,
      temperature: 1,
      vocabulary: ['污', '水', '污水河'],
      idf: new Float32Array([1, 1, 1]),
      coef: new Float32Array([1, 0, 0, 0, 0, 1]),
      intercept: new Float32Array([0, 0]),
    });
    expect([...model.lookup.longer]).toEqual([['污水河', 2]]);
    expect(tfidfVector(model, { body: '污水河水' }).map(([index, value]) => [index, Number(value.toFixed(4))])).toEqual([
      [0, 0.4533],
      [1, 0.7675],
      [2, 0.4533],
    ]);
  });
});

describe('categoryForClass (the seven training classes onto the platform categories)', () => {
  it('maps each class by hand-written table, and an unknown class to other', () => {
    expect(
      ['城乡建设', '劳动和社会保障', '教育文体', '商贸旅游', '环境保护', '卫生计生', '交通运输', '政法'].map(categoryForClass),
    ).toEqual(['urban-construction', 'labour', 'education', 'other', 'environment', 'health', 'transport', 'other']);
  });
});
