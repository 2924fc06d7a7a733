import type { CaseState } from '@sunshine/domain';
import { DomainException } from '@sunshine/platform';

/** The unit a bureau's action names, else the unit holding the case; 422 NO_UNIT when there is neither. */
export function responsibleUnit(named: string | undefined, state: CaseState): string {
  const unitId = named ?? state.holdingUnitId;
  if (!unitId)
    throw new DomainException('NO_UNIT', 'unprocessable', {
      zh: '该事项尚无承办单位，须指定单位',
      en: 'the case has no holding unit: name one',
    });
  return unitId;
}
