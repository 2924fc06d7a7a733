import { type DissatisfactionPolicy, dissatisfactionPolicyAt, dissatisfactionPolicySchema } from './dissatisfaction-policy';

const CITY: DissatisfactionPolicy = { jurisdiction: '410700000000', response: 'order', trigger: 'other' };
const COUNTY: DissatisfactionPolicy = { jurisdiction: '410726000000', response: 'none' };

describe('the response to a 不满意 rating (a jurisdiction policy)', () => {
  it('flags the rating for the supervising bureau’s review, with no label, where no policy is set', () => {
    expect(dissatisfactionPolicyAt([], '410726101201')).toEqual({ response: 'review' });
    expect(dissatisfactionPolicyAt([COUNTY], '410727100000')).toEqual({ response: 'review' });
  });

  it('applies the most specific policy containing the place', () => {
    expect(dissatisfactionPolicyAt([CITY, COUNTY], '410726101201')).toEqual({ response: 'none' });
    expect(dissatisfactionPolicyAt([CITY, COUNTY], '410727100000')).toEqual({ response: 'order', trigger: 'other' });
  });

  it('requires an order policy to name its label, and no other policy to have one', () => {
    expect(dissatisfactionPolicySchema.safeParse({ jurisdiction: '410700000000', response: 'order' }).success).toBe(false);
    expect(
      dissatisfactionPolicySchema.safeParse({ jurisdiction: '410700000000', response: 'review', trigger: 'perfunctory' }).success,
    ).toBe(false);
    expect(dissatisfactionPolicySchema.safeParse({ jurisdiction: '410700000000', response: 'order', trigger: 'perfunctory' }).success).toBe(
      true,
    );
  });
});
