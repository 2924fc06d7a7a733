import { DomainException } from '@sunshine/platform';

/**
 * The citizen's one answer for a missing case and a wrong query code (or recovery code): nothing tells them apart.
 * Staff endpoints answer the platform's CASE_NOT_FOUND instead, the same for a missing and an invisible case.
 */
export function caseNotFound(): DomainException {
  return new DomainException('CASE_NOT_FOUND', 'not-found', {
    zh: '未找到该信访事项，或信访件编号、查询码不正确',
    en: 'no such case, or the case number or query code is wrong',
  });
}

/** A registered fact that does not fit (unknown division, unit …): 422 naming the field. */
export function unprocessableField(code: string, field: string, zh: string, en: string): DomainException {
  return new DomainException(code, 'unprocessable', { zh, en }, { fields: [{ field, reason: `${zh} / ${en}` }] });
}

export function forbidden(code: string, zh: string, en: string): DomainException {
  return new DomainException(code, 'forbidden', { zh, en });
}
