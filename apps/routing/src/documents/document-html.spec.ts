import { type CaseDocument, chineseDate, renderDocumentHtml } from './document-html';
import { documentNumber } from './document-kinds';
import { addresseeOf } from './intake-dossier.client';

const base: CaseDocument = {
  id: 'd1',
  caseId: 'c1',
  kind: 'transfer',
  stage: 'original',
  number: documentNumber('新乡市信访局', 'transfer', 'original', 2026, 12),
  unitId: '410700000000:petition-bureau',
  issuedAt: '2026-03-04T17:00:00.000Z',
  body: {
    unitName: '新乡市信访局',
    caseNumber: '410700-2026-000001',
    category: '劳资纠纷',
    toUnit: '延津县信访局',
    reasons: ['属地：延津县'],
  },
};

describe('renderDocumentHtml', () => {
  it('prints a numbered 转送单 in Chinese with the Asia/Shanghai date', () => {
    const html = renderDocumentHtml(base);
    expect(base.number).toBe('新乡市信访局转〔2026〕12号');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('信访事项转送单');
    expect(html).toContain('新乡市信访局转〔2026〕12号');
    expect(html).toContain('5个工作日内');
    expect(html).toContain('2026年3月5日');
  });

  it('escapes what staff wrote', () => {
    const html = renderDocumentHtml({ ...base, kind: 'reply', body: { ...base.body, text: '<script>x</script>', outcome: '支持' } });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('信访事项处理意见书');
    expect(html).toContain('第三十五条');
  });

  it('names the review stage documents and says a re-review is final', () => {
    expect(renderDocumentHtml({ ...base, kind: 'reply', stage: 're-review', body: { text: 'x' } })).toContain('不再受理');
    expect(renderDocumentHtml({ ...base, kind: 'reply', stage: 'review', body: { text: 'x' } })).toContain('信访事项复查意见书');
  });

  it('leaves a blank date line when a date is missing', () => {
    expect(chineseDate(undefined)).toBe('____年__月__日');
  });
});

describe('the addressee (信访人) printed from intake’s dossier', () => {
  it('prints the petitioner and the representatives intake shows the reader, and a blank where it shows none', () => {
    expect(addresseeOf({ access: 'full', petitioner: { name: '张三' }, representatives: [{ name: '李四' }, { name: '张三' }] })).toBe(
      '张三、李四',
    );
    expect(addresseeOf({ access: 'facts-only' })).toBe('');
    const notice = { ...base, kind: 'acceptance-notice' as const, body: { ...base.body, receivedAt: '2026-03-04T02:00:00.000Z' } };
    expect(renderDocumentHtml(notice, '张三、李四')).toContain('<p>信访人：张三、李四</p>');
    expect(renderDocumentHtml(notice)).toContain('<p>信访人：</p>');
  });
});
