import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';

import { intake } from '../../api/client';
import { call } from '../../api/errors';
import type { Suggestion } from '../../api/views';

export interface SuggestionInput {
  readonly subject?: string;
  readonly content?: string;
  readonly placeCode?: string;
  readonly type?: 'suggestion' | 'accusation' | 'claim';
  readonly channel?: 'visit' | 'letter' | 'online' | 'sms' | 'hotline' | 'mailbox' | 'app' | 'fax' | 'phone';
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [JSON.stringify(value), ms]);
  return v;
}

const pct = (s: number) => `${Math.round(s * 100)}%`;

/**
 * 智能分类: while the clerk types, intake's `POST /suggestions` (debounced 600 ms) suggests the category with its score,
 * the top three, and the unit the routing rules would choose at the place; 采用 fills the category. `onSuggestion`
 * hands the latest answer up, so the registration can send `{ model, category, score }` back.
 */
export function SuggestionPanel(props: {
  input: SuggestionInput;
  onAdopt: (code: string) => void;
  onSuggestion: (s: Suggestion | undefined) => void;
}) {
  const { subject = '', content = '', placeCode, type, channel } = props.input;
  const text = useDebounced(
    { subject: subject.trim(), body: content.trim(), placeCode: /^\d{12}$/.test(placeCode ?? '') ? placeCode : undefined, type, channel },
    600,
  );
  const enough = text.subject.length + text.body.length >= 4;
  const q = useQuery({
    queryKey: ['suggestion', text],
    enabled: enough,
    staleTime: 60_000,
    queryFn: () =>
      call(
        intake.POST('/suggestions', {
          body: {
            subject: text.subject.slice(0, 200),
            body: text.body.slice(0, 20000),
            placeCode: text.placeCode,
            type: text.type,
            channel: text.channel,
          },
        }),
      ),
  });
  const s = enough ? q.data : undefined;
  useEffect(() => props.onSuggestion(s), [s]);
  if (!enough) return null;
  if (q.isError) return <Alert type="warning" showIcon message="智能分类暂不可用，请人工选择类别" data-testid="suggestion-error" />;
  if (!s) return <Typography.Text type="secondary">智能分类中…</Typography.Text>;
  if (!s.readable)
    return <Alert type="info" showIcon message={s.note ?? '文字过少，无法智能分类，请人工选择类别'} data-testid="suggestion" />;
  return (
    <Alert
      type="info"
      data-testid="suggestion"
      message={
        <Space wrap>
          <span>
            建议类别：<Typography.Text strong>{s.suggested.category.zh}</Typography.Text>（{pct(s.suggested.score)}）
          </span>
          <Button size="small" type="primary" data-testid="suggestion-adopt" onClick={() => props.onAdopt(s.suggested.category.code)}>
            采用
          </Button>
          <span>前三：</span>
          {s.top3.map((c) => (
            <Tag key={c.category.code} style={{ cursor: 'pointer' }} onClick={() => props.onAdopt(c.category.code)}>
              {c.category.zh} {pct(c.score)}
            </Tag>
          ))}
        </Space>
      }
      description={
        s.unit ? (
          s.unit.manual ? (
            <span>按规则无法自动确定承办单位（由转送交办台人工决定）：{s.unit.reasons.join('；')}</span>
          ) : (
            <span data-testid="suggestion-unit">
              按规则将{s.unit.mode === 'assign' ? '交办' : '转送'}至：<Typography.Text strong>{s.unit.name}</Typography.Text>（
              {s.unit.reasons.join('；')}）
            </span>
          )
        ) : (
          <span>选择发生地后显示规则将选择的承办单位</span>
        )
      }
    />
  );
}
