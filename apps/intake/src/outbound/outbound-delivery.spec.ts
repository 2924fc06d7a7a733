import { afterRefusal } from './outbound-delivery';

describe('afterRefusal', () => {
  it('waits the base wait after the first refusal, doubling after each, and parks at the last attempt', () => {
    expect([1, 2, 3, 4].map((n) => afterRefusal(n, 4, 200))).toEqual([
      { waitMs: 200, park: false },
      { waitMs: 400, park: false },
      { waitMs: 800, park: false },
      { waitMs: 1600, park: true },
    ]);
  });

  it('never waits more than an hour between two attempts', () => {
    expect(afterRefusal(12, 12, 5000)).toEqual({ waitMs: 3600_000, park: true });
    expect(afterRefusal(11, 12, 5000)).toEqual({ waitMs: 3600_000, park: false });
    expect(afterRefusal(10, 12, 5000)).toEqual({ waitMs: 2560_000, park: false });
  });
});
