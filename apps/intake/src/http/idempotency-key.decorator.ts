import { DomainException, headerParam, type HeaderRequest } from '@sunshine/platform';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const KEY = /^[A-Za-z0-9._:-]{16,128}$/;

function headerKey(request: HeaderRequest): string | null {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !KEY.test(value)) {
    throw new DomainException(
      'INVALID_IDEMPOTENCY_KEY',
      'invalid',
      {
        zh: 'Idempotency-Key 应为16至128位字母、数字或 . _ : -（建议使用UUID）',
        en: 'Idempotency-Key must be 16 to 128 letters, digits or . _ : - (a UUID is best)',
      },
      { fields: [{ field: IDEMPOTENCY_KEY_HEADER, reason: '16–128 of [A-Za-z0-9._:-]' }] },
    );
  }
  return value;
}

/**
 * The request's `Idempotency-Key` header, or null without one: 400 INVALID_IDEMPOTENCY_KEY when malformed. The same key
 * with the same body gets the first answer; with another body 409 IDEMPOTENCY_KEY_REUSED (IdempotencyService).
 */
export const IdempotencyKey = headerParam('IdempotencyKey', headerKey, {
  name: IDEMPOTENCY_KEY_HEADER,
  required: false,
  description:
    '幂等键（建议UUID）：同一键、同一请求体重发时返回首次结果，不重复登记；同一键、不同请求体 409 IDEMPOTENCY_KEY_REUSED / ' +
    'a key (a UUID is best): sent again with the same body it answers the first answer and registers nothing twice; with another body 409 IDEMPOTENCY_KEY_REUSED',
  schema: { type: 'string', minLength: 16, maxLength: 128, pattern: KEY.source },
});
