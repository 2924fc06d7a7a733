import { bodySignature, verifyBodySignature } from './body-signature';

describe('bodySignature (webhooks, 12345 feedback)', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" (the value openssl computes)', () => {
    // printf '%s' '1764650000.{"a":1}' | openssl dgst -sha256 -hmac 'Jefe'
    expect(bodySignature('Jefe', '1764650000', '{"a":1}')).toBe('sha256=354183ecfd204db77871287751b24376ae28af0a6c6a9f96e89ba08cedb1bca5');
  });

  it('verifies its own signature and refuses another body or timestamp', () => {
    const sig = bodySignature('s3cret', '1764650000', '{"title":"新信访事项"}');
    expect(verifyBodySignature('s3cret', '1764650000', '{"title":"新信访事项"}', sig)).toBe(true);
    expect(verifyBodySignature('s3cret', '1764650001', '{"title":"新信访事项"}', sig)).toBe(false);
    expect(verifyBodySignature('s3cret', '1764650000', '{"title":"新信访事项 "}', sig)).toBe(false);
    expect(verifyBodySignature('other', '1764650000', '{"title":"新信访事项"}', sig)).toBe(false);
  });
});
