import type { Stage } from '@sunshine/contracts';

import { type DocumentKind, documentTitle } from './document-kinds';
import { acceptanceRouteText, replyRouteRemedy } from './route-wording';

export interface CaseDocument {
  readonly id: string;
  readonly caseId: string;
  readonly kind: DocumentKind;
  readonly stage: Stage;
  readonly number: string;
  readonly unitId: string;
  readonly issuedAt: string;
  readonly body: Readonly<Record<string, unknown>>;
}

const DAY = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** 2026年3月5日 (Asia/Shanghai), or a blank line for the clerk to fill in. */
export function chineseDate(iso: unknown): string {
  return typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? DAY.format(new Date(iso)) : '____年__月__日';
}

/** A period's last day (a LocalDate, 2027-02-01) as 2027年2月1日, or a blank line for the clerk to fill in. */
export function chineseDay(day: unknown): string {
  const m = typeof day === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '____年__月__日';
}

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : []);

interface Due {
  readonly kind?: string;
  readonly label?: string;
  readonly article?: string;
  readonly lastDay?: string;
  readonly extensionDays?: number;
}
const dueIn = (v: unknown): Due | null => (typeof v === 'object' && v !== null ? (v as Due) : null);
const reasonText = (v: unknown): string => {
  const r = typeof v === 'object' && v !== null ? (v as { code?: string; text?: string }) : {};
  return r.text ?? r.code ?? '';
};

/**
 * The document's paragraphs (plain text; escaped when rendered), in the wording bureaus use. `addressee` is the
 * petitioner's name as intake shows it to the reader, at print time (blank when not shown).
 */
export function documentParagraphs(doc: CaseDocument, addressee = ''): string[] {
  const b = doc.body;
  const matter = `信访事项（编号：${str(b['caseNumber'])}，类别：${str(b['category'])}${b['place'] ? `，事发地：${str(b['place'])}` : ''}）`;
  const to = `信访人：${addressee}`;
  switch (doc.kind) {
    case 'transfer':
      return [
        `${str(b['toUnit'])}：`,
        `现将${matter}转送你单位。请依照《信访工作条例》第二十三条规定，自收到之日起15日内决定是否受理，并书面告知信访人；不属于你单位职权范围的，应当自收到之日起5个工作日内向本机关提出异议，并详细说明理由。`,
        ...list(b['reasons']).map((r) => `转送依据：${r}`),
      ];
    case 'assignment':
      return [
        `${str(b['toUnit'])}：`,
        `现将${matter}交由你单位办理。请依照《信访工作条例》第二十二条规定依法办理，并于${chineseDay(b['feedbackLastDay'])}前（含当日）将办理结果以办结报告形式报送本机关。`,
        ...list(b['reasons']).map((r) => `交办依据：${r}`),
      ];
    case 'acceptance-notice':
      return [
        to,
        `你（们）于${chineseDate(b['receivedAt'])}提出的${matter}，经审查，本机关依照《信访工作条例》第二十三条规定决定予以受理。`,
        ...acceptancePeriod(b),
        ...(b['claimRoute'] ? [`办理方式：${str(b['claimRoute'])}。`] : []),
      ];
    case 'non-acceptance-notice': {
      const channel = b['channelUnit'] ? `请向${str(b['channelUnit'])}提出。` : `${str(b['properChannel'])}。`;
      return [
        to,
        `你（们）于${chineseDate(b['receivedAt'])}提出的${matter}，经审查，${reasonText(b['reason'])}。依照《信访工作条例》第二十三条规定，本机关决定不予受理。`,
        channel,
      ];
    }
    case 'extension-notice': {
      const due = dueIn(b['due']);
      return [
        to,
        `你（们）提出的${matter}，因${reasonText(b['reason'])}，经本机关负责人批准，依照《信访工作条例》第三十四条规定，办理期限延长${String(b['days'] ?? '')}日${
          due?.lastDay ? `，延长后的办理期限至${chineseDay(due.lastDay)}（含当日）` : ''
        }。`,
      ];
    }
    case 'reply':
      return [
        to,
        `你（们）提出的${matter}，本机关经调查核实，现提出${doc.stage === 'original' ? '处理' : doc.stage === 'review' ? '复查' : '复核'}意见如下：`,
        ...str(b['text']).split(/\n+/).filter(Boolean),
        `处理结论：${str(b['outcome'])}。`,
        ...list(b['attachments']).map((a) => `附件：${attachmentName(a)}`),
        b['reviewChain'] === false ? replyRouteRemedy(str(b['route'])) : remedy(doc.stage),
      ];
    case 'assignment-report':
      return [
        `${str(b['bureau'])}：`,
        `你机关交办的${matter}，本单位已办理完毕，现将办理情况报告如下：`,
        ...str(b['text']).split(/\n+/).filter(Boolean),
      ];
    case 'assist-contribution':
      return [`${str(b['leadUnit'])}：`, `关于${matter}，本单位协办意见如下：`, ...str(b['text']).split(/\n+/).filter(Boolean)];
  }
}

/** The period the 受理告知书 states: the Art 34 60 days only where that clock runs; else the route's own rule. */
function acceptancePeriod(b: Readonly<Record<string, unknown>>): string[] {
  const due = dueIn(b['due']);
  const routeText = acceptanceRouteText(str(b['route']) || 'petition');
  if (due?.kind === 'handling') {
    return [
      `本机关将自受理之日起60日内办结，办理期限至${chineseDay(due.lastDay)}（含当日）；情况复杂的，经本机关负责人批准，可以适当延长办理期限，延长期限不超过30日，并告知延期理由（《信访工作条例》第三十四条）。`,
    ];
  }
  const period = due?.lastDay ? [`办理期限至${chineseDay(due.lastDay)}（含当日；${str(due.label)}，依据${str(due.article)}）。`] : [];
  return [...(routeText ? [routeText] : []), ...period];
}

function attachmentName(raw: string): string {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed ? String((parsed as { name: unknown }).name) : raw;
  } catch {
    return raw;
  }
}

function remedy(stage: Stage): string {
  if (stage === 'original')
    return '如不服本处理意见，可以自收到本意见书之日起30日内请求原办理机关的上一级机关复查（《信访工作条例》第三十五条）。';
  if (stage === 'review')
    return '如不服本复查意见，可以自收到本意见书之日起30日内向复查机关的上一级机关请求复核（《信访工作条例》第三十六条）。';
  return '本复核意见为终结意见。信访人对复核意见不服，仍以同一事实和理由提出信访的，不再受理（《信访工作条例》第三十六条）。';
}

/** A printable A4 page (zh-CN): title, number, body, issuing unit and date; `addressee` as documentParagraphs. */
export function renderDocumentHtml(doc: CaseDocument, addressee = ''): string {
  const title = documentTitle(doc.kind, doc.stage);
  const paragraphs = documentParagraphs(doc, addressee)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${escapeHtml(title)} ${escapeHtml(doc.number)}</title>
<style>@page{size:A4;margin:2.5cm 2cm}body{font-family:"FangSong","STFangsong","仿宋",serif;font-size:16pt;line-height:1.8}
h1{font-family:"SimSun","宋体",serif;text-align:center;font-size:22pt;margin:0 0 .5em}.no{text-align:center;margin-bottom:1.5em}
p{text-indent:2em;margin:.3em 0}.sign{text-align:right;margin-top:3em}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="no">${escapeHtml(doc.number)}</div>
${paragraphs}
<div class="sign">${escapeHtml(doc.body['unitName'])}<br>${escapeHtml(chineseDate(doc.issuedAt))}</div>
</body>
</html>
`;
}
