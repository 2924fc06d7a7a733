import { checkForm, COLLECTIVE_MIN_HEAD_COUNT, formSummary, FormTaxonomy, MAX_REPRESENTATIVES } from './forms.taxonomy';

const codes = (headCount: number, representatives: number) =>
  checkForm({ kind: 'collective', headCount, representatives }).map((i) => i.code);

describe('petition forms (Art 20)', () => {
  it('allows at most 5 representatives', () => {
    expect(MAX_REPRESENTATIVES).toBe(5);
    expect(checkForm({ kind: 'collective', headCount: 40, representatives: 5 })).toEqual([]);
    expect(codes(40, 6)).toEqual(['TOO_MANY_REPRESENTATIVES']);
  });

  it('counts a visit as collective from 5 people: 4 is individual, 5 and 6 are collective', () => {
    expect(COLLECTIVE_MIN_HEAD_COUNT).toBe(5);
    expect(checkForm({ kind: 'collective', headCount: 4, representatives: 1 })).toEqual([
      {
        code: 'HEAD_COUNT_TOO_SMALL',
        zh: '集体访为5人及以上；不足5人的请按个人访登记',
        en: 'a collective petition has at least 5 people; register fewer as individual',
      },
    ]);
    expect(codes(5, 1)).toEqual([]);
    expect(codes(6, 2)).toEqual([]);
  });

  it('needs a group for a collective petition, and no more representatives than people', () => {
    expect(codes(1, 3)).toEqual(['HEAD_COUNT_TOO_SMALL', 'REPRESENTATIVES_EXCEED_HEAD_COUNT']);
    expect(codes(5, 5)).toEqual([]);
  });

  it('has nothing to check on an individual petition', () => {
    expect(checkForm({ kind: 'individual' })).toEqual([]);
    expect(FormTaxonomy.label('collective')).toBe('集体信访');
  });

  it('states the form in words for the receipt and the case page', () => {
    expect(formSummary({ kind: 'individual' })).toBe('个人访');
    expect(formSummary({ kind: 'collective', headCount: 6, representatives: 2 })).toBe('集体访，6 人（代表 2 人）');
  });
});
