import { type AuthorityCode, AuthorityMessages } from '@sunshine/domain';
import { DomainException } from '@sunshine/platform';

export function unknownUnit(unitId: string): DomainException {
  return new DomainException(
    'UNKNOWN_UNIT',
    'unprocessable',
    { zh: '单位不在机构目录中', en: 'no such unit in the directory' },
    { unitId },
  );
}

export function accusedUnit(): DomainException {
  return new DomainException('ACCUSED_UNIT', 'unprocessable', {
    zh: '检举控告事项不得转交被检举控告单位（《信访工作条例》第三十条）',
    en: 'an accusation never goes to the accused unit (Art 30)',
  });
}

/** The unit's kind does not allow the act (dispatchAuthority, objectionRefusal in libs/domain): 403 with the rule's code. */
export function authorityException(code: AuthorityCode): DomainException {
  return new DomainException(code, 'forbidden', AuthorityMessages[code]);
}
