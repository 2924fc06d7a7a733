import { orderCategory, PETITION_TYPE_OF_APPEAL } from './hotline-order.mapping';

const TABLE = [
  { code: 'labour', zh: '劳资纠纷' },
  { code: 'housing', zh: '住房保障' },
  { code: 'other', zh: '其他' },
];

describe('orderCategory', () => {
  it('keeps a code of the table the hotline chose', () => {
    expect(orderCategory({ category: 'housing', classCode: '0301', className: '劳资纠纷' }, TABLE)).toBe('housing');
  });

  it('maps a GB/T 39666 class by its name when the hotline chose no code of the table', () => {
    expect(orderCategory({ category: 'no-such', classCode: '0712', className: '劳资纠纷' }, TABLE)).toBe('labour');
  });

  it('hands an unknown class on as given (registration files it under 其他 with the words kept)', () => {
    expect(orderCategory({ classCode: '0999', className: '噪声扰民' }, TABLE)).toBe('0999 噪声扰民');
    expect(orderCategory({}, TABLE)).toBe('12345 未分类');
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
