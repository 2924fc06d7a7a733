import { Alert, Space } from 'antd';
import type { ReactElement } from 'react';

import type { Registered } from '../../api/views';
import { formatTime } from '../../time';

/** The registration's checks on the receipt (for the clerk; none rejected the registration: 有访必录入). */
export function ReceiptChecks({ registered }: { registered: Registered }) {
  const c = registered.checks;
  const g = registered.asGiven;
  const items: ReactElement[] = [];
  if (c?.repeat) {
    items.push(
      <Alert
        key="repeat"
        type="warning"
        showIcon
        data-testid="check-repeat"
        message={
          <>
            重复信访：与 <a href={`/cases/${c.repeat.caseId}`}>在先事项</a> 相同（{c.repeat.reason.zh}，相似度 {c.repeat.score}）
          </>
        }
      />,
    );
  }
  if (c?.similarText) {
    items.push(
      <Alert
        key="similar"
        type="info"
        showIcon
        data-testid="check-similar"
        message={
          <>
            内容相似：<a href={`/cases/${c.similarText.caseId}`}>在先事项</a>（{c.similarText.reason.zh}，相似度 {c.similarText.score}
            ），如为同一事项可并单
          </>
        }
      />,
    );
  }
  if (c?.skipLevel.flagged) {
    items.push(
      <Alert
        key="skip"
        type="warning"
        showIcon
        data-testid="check-skip-level"
        message={`越级走访（条例第二十条）：${c.skipLevel.reasons.join('；')}`}
      />,
    );
  }
  if (c?.art19) {
    items.push(
      <Alert
        key="art19"
        type={c.art19.notAccepted ? 'warning' : 'info'}
        showIcon
        data-testid="check-art19"
        message={`条例第十九条：${c.art19.reasons.join('；')}${c.art19.notAccepted ? '（有权处理的机关不再受理）' : ''}`}
      />,
    );
  }
  if (c?.finality) {
    items.push(
      <Alert
        key="final"
        type="error"
        showIcon
        data-testid="check-finality"
        message={
          <>
            已复核终结（条例第三十六条）：<a href={`/cases/${c.finality.caseId}`}>{c.finality.caseNumber ?? '在先事项'}</a> 自{' '}
            {formatTime(c.finality.finalSince)} 终结，{c.finality.reasons.join('；')}
          </>
        }
        description={
          <>
            应作一项处理：在 <a href={`/cases/${registered.caseId}`}>本事项</a>{' '}
            上“不予受理”（告知不再受理，no-further-petition），事项已列入转送交办台。
          </>
        }
      />,
    );
  }
  if (c?.lateReceipt) {
    items.push(<Alert key="late" type="info" showIcon message={`收到时间为 ${c.lateReceipt.days} 天前，经登记人确认后登记`} />);
  }
  if (g) {
    const what = [g.placeCode || g.placeText ? `发生地“${g.placeText ?? g.placeCode}”` : null, g.category ? `类别“${g.category}”` : null]
      .filter(Boolean)
      .join('、');
    items.push(
      <Alert
        key="asGiven"
        type="warning"
        showIcon
        data-testid="check-as-given"
        message={`${what}按所填登记（目录或代码表中没有），由转送交办台人工确定`}
      />,
    );
  }
  if (items.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640, margin: '16px auto', display: 'flex' }} className="no-print">
      {items}
    </Space>
  );
}
