import { deliveryMessageId, fromDomain } from './message-id';

describe('deliveryMessageId', () => {
  it('is the delivery id at the From address’s domain', () => {
    expect(deliveryMessageId('0193a5c2-7d1e-7b3a-9f00-1c2d3e4f5a6b', '阳光信访 <noreply@XFJ.Example.gov.cn>')).toBe(
      '<0193a5c2-7d1e-7b3a-9f00-1c2d3e4f5a6b@xfj.example.gov.cn>',
    );
  });

  it('takes a bare address too', () => {
    expect(fromDomain('noreply@sunshine.local')).toBe('sunshine.local');
  });

  it('refuses a delivery id that would break the header', () => {
    expect(() => deliveryMessageId('a>b', 'x@sunshine.local')).toThrow('a delivery id is letters');
  });

  it('refuses a From without a domain', () => {
    expect(() => fromDomain('阳光信访')).toThrow('MAIL_FROM has no usable domain');
  });
});
