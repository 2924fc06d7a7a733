import { DomainException } from '@sunshine/platform';

/** The figures asked for lie outside the caller's unit and territory. */
export const FIGURES_OUT_OF_SCOPE = new DomainException('FIGURES_OUT_OF_SCOPE', 'forbidden', {
  zh: '无权查看该单位或辖区的考核数据',
  en: 'the figures of this unit or territory are outside your unit and territory',
});

export function unknownUnit(unitId: string): DomainException {
  return new DomainException(
    'UNKNOWN_UNIT',
    'unprocessable',
    { zh: '单位不在机构目录中', en: 'no such unit in the directory' },
    { unitId },
  );
}

export const NOT_FOUND = (what: { zh: string; en: string }): DomainException =>
  new DomainException('NOT_FOUND', 'not-found', { zh: `${what.zh}不存在`, en: `no such ${what.en}` });
