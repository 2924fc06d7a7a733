import { decisionException, DomainException, type Emission } from '@sunshine/platform';

/** An order that does not exist, or one the caller may not act on or see: the same 404. */
export function orderNotFound(): DomainException {
  return new DomainException('ORDER_NOT_FOUND', 'not-found', {
    zh: '督办单不存在或无权查看',
    en: 'no such supervision order for your unit',
  });
}

/** An order answered already can be neither answered again nor chased (409). */
export function orderAlreadyAnswered(): DomainException {
  return new DomainException('ORDER_ALREADY_ANSWERED', 'conflict', { zh: '该督办单已回复', en: 'the order was already answered' });
}

/** Why an order was not issued: decide refused it (as every refusal maps), or this source issued one already (409). */
export function orderRefused(result: Emission | null): DomainException {
  if (result === null || result.ok) {
    return new DomainException('ORDER_EXISTS', 'conflict', { zh: '督办单已发出', en: 'the order was already issued' });
  }
  return decisionException(result.error);
}
