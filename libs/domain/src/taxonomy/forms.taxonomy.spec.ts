import { checkForm, FormTaxonomy, MAX_REPRESENTATIVES } from './forms.taxonomy';

describe('petition forms (Art 20)', () => {
  it('allows at most 5 representatives', () => {
    expect(MAX_REPRESENTATIVES).toBe(5);
    expect(checkForm({ kind: 'collective', headCount: 40, representatives: 5 })).toEqual([]);
    expect(checkForm({ kind: 'collective', headCount: 40, representatives: 6 }).map((i) => i.code)).toEqual(['TOO_MANY_REPRESENTATIVES']);
  });

  it('needs a group for a collective petition, and no more representatives than people', () => {
    expect(checkForm({ kind: 'collective', headCount: 1, representatives: 3 }).map((i) => i.code)).toEqual([
      'HEAD_COUNT_TOO_SMALL',
      'REPRESENTATIVES_EXCEED_HEAD_COUNT',
    ]);
  });

  it('has nothing to check on an individual petition', () => {
    expect(checkForm({ kind: 'individual' })).toEqual([]);
    expect(FormTaxonomy.label('collective')).toBe('集体信访');
  });
});
