import { smsSegments } from './sms-segments';

// 【阳光信访局】 is 7 characters; the texts below are sized by hand around the 70 / 67 limits.
const SIGN = '阳光信访局';

describe('smsSegments', () => {
  it('counts one message when signature and text together hold 70 characters', () => {
    expect(smsSegments(SIGN, '访'.repeat(63))).toBe(1);
  });

  it('counts two parts of 67 from the 71st character', () => {
    expect(smsSegments(SIGN, '访'.repeat(64))).toBe(2);
  });

  it('counts two parts up to 134 characters and three from 135', () => {
    expect(smsSegments(SIGN, '访'.repeat(127))).toBe(2);
    expect(smsSegments(SIGN, '访'.repeat(128))).toBe(3);
  });

  it('counts a Latin letter, a digit and a space as one character each, like a Chinese one', () => {
    expect(smsSegments(SIGN, 'a1 '.repeat(21))).toBe(1);
    expect(smsSegments(SIGN, `${'a1 '.repeat(21)}访`)).toBe(2);
  });

  it('counts a character outside the basic plane once', () => {
    expect(smsSegments(SIGN, '𠀀'.repeat(63))).toBe(1);
  });
});
