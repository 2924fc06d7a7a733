import type { HotlineClassTable } from './hotline-class-table';
import { orderCategory, PETITION_TYPE_OF_APPEAL } from './hotline-order.mapping';

const TABLE = [
  { code: 'labour', zh: '劳资纠纷' },
  { code: 'housing', zh: '住房保障' },
  { code: 'environment', zh: '环境保护' },
  { code: 'other', zh: '其他' },
];

const CLASSES: HotlineClassTable = {
  version: 1,
  standard: 'GB/T 39666-2020',
  entries: [
    { classCode: '0301', className: '欠薪', category: 'labour' },
    { className: '噪声污染', category: 'environment' },
    { classCode: '0402', category: 'retired-code' },
  ],
};
const NO_CLASSES: HotlineClassTable = { version: 1, standard: 'GB/T 39666-2020', entries: [] };

describe('orderCategory', () => {
  it('keeps a code of the table the hotline chose', () => {
    expect(orderCategory({ category: 'housing', classCode: '0301', className: '劳资纠纷' }, TABLE, CLASSES)).toBe('housing');
  });

  it('maps a GB/T 39666 class by its name when the hotline chose no code of the table', () => {
    expect(orderCategory({ category: 'no-such', classCode: '0712', className: '劳资纠纷' }, TABLE, NO_CLASSES)).toBe('labour');
  });

  it('maps a class by the class table (its code, then its name) before the category table’s names', () => {
    expect(orderCategory({ classCode: '0301', className: '住房保障' }, TABLE, CLASSES)).toBe('labour');
    expect(orderCategory({ classCode: '9999', className: '噪声污染' }, TABLE, CLASSES)).toBe('environment');
  });

  it('passes over a class table entry whose category the category table no longer has', () => {
    expect(orderCategory({ classCode: '0402', className: '住房保障' }, TABLE, CLASSES)).toBe('housing');
    expect(orderCategory({ classCode: '0402', className: '违章搭建' }, TABLE, CLASSES)).toBe('0402 违章搭建');
  });

  it('hands an unknown class on as given (registration files it under 其他 with the words kept)', () => {
    expect(orderCategory({ classCode: '0999', className: '噪声扰民' }, TABLE, CLASSES)).toBe('0999 噪声扰民');
    expect(orderCategory({}, TABLE, CLASSES)).toBe('12345 未分类');
  });
});

describe('PETITION_TYPE_OF_APPEAL', () => {
  it('registers 举报 as an accusation, 建议 and 表扬 as suggestions, the rest as claims', () => {
    expect(PETITION_TYPE_OF_APPEAL).toEqual({
      consultation: 'claim',
      help: 'claim',
      complaint: 'claim',
      report: 'accusation',
      suggestion: 'suggestion',
      praise: 'suggestion',
    });
  });
});
