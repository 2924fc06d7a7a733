import ExcelJS from 'exceljs';

import type { ReportContent } from './report-content';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The report as an xlsx workbook: one sheet per table, zh-CN headers in bold on the first row. */
export async function reportXlsx(content: ReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '阳光信访 考核评价';
  workbook.title = content.title;
  for (const table of content.tables) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = workbook.addWorksheet(table.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
    sheet.addRow([...table.headers]).font = { bold: true };
    for (const row of table.rows) sheet.addRow([...row]);
    sheet.columns.forEach((column) => (column.width = 18));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The report as a printable zh-CN HTML page (A4, one table after another). */
export function reportHtml(content: ReportContent): string {
  const tables = content.tables
    .map((t) => {
      const head = t.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
      const body = t.rows
        .map((r) => `<tr>${r.map((v) => `<td>${v === null ? '—' : escapeHtml(String(v))}</td>`).join('')}</tr>`)
        .join('\n');
      return `<h2>${escapeHtml(t.name)}</h2>\n<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(content.title)}</title>
<style>@page{size:A4;margin:18mm}body{font-family:"SimSun","Songti SC",serif;font-size:12pt}h1{text-align:center;font-size:18pt}
h2{font-size:14pt;margin-top:1.2em}table{border-collapse:collapse;width:100%;page-break-inside:auto}th,td{border:1px solid #000;padding:2px 6px;text-align:center}
tr{page-break-inside:avoid}</style></head>
<body><h1>${escapeHtml(content.title)}</h1>
${tables}
</body></html>
`;
}
