import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

import { categoryForClass } from '@sunshine/domain';

/** The default source of realistic petition text: Teddy Cup 2020 citizen messages (never copied into the repository). */
export const TEDDY_DEFAULT = '/work/shared/data/teddy/train.jsonl';

/**
 * 延津县's townships (the demo directory's): where the offered petitions happen, so routing dispatches every one (a
 * place it does not know would leave the case at the bureau's desk).
 */
const TOWNSHIPS = [
  '410726001000',
  '410726002000',
  '410726003000',
  '410726101000',
  '410726102000',
  '410726103000',
  '410726104000',
  '410726200000',
  '410726202000',
  '410726203000',
  '410726205000',
  '410726206000',
  '410726207000',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国';

interface TeddyRow {
  readonly subject: string | null;
  readonly body: string | null;
  readonly label1: string | null;
}

export interface PetitionText {
  readonly subject: string;
  readonly content: string;
  readonly category: string;
}

/** Reads the messages that have both a subject and a body, trimmed to the registration's limits. */
export async function readPetitionTexts(file: string, max = 5000): Promise<PetitionText[]> {
  const out: PetitionText[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as TeddyRow;
    const subject = row.subject?.trim() ?? '';
    const content = row.body?.trim() ?? '';
    if (subject.length < 2 || content.length < 5) continue;
    out.push({ subject: subject.slice(0, 100), content: content.slice(0, 20000), category: categoryForClass(row.label1 ?? '') });
    if (out.length >= max) break;
  }
  lines.close();
  if (out.length === 0) throw new Error(`no usable messages in ${file}`);
  return out;
}

/** The i-th petition offered: a visit registered at 延津县信访局, the text of a real message, a made-up petitioner. */
export function petitionBody(texts: readonly PetitionText[], i: number): Record<string, unknown> {
  const text = texts[i % texts.length] ?? { subject: '拖欠工资', content: '工程结束后老板拖欠工资三个月未付。', category: 'labour' };
  const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`;
  const withId = i % 2 === 0;
  return {
    channel: i % 5 === 0 ? 'letter' : 'visit',
    receivedAt: new Date().toISOString(),
    type: 'claim',
    category: text.category,
    placeCode: TOWNSHIPS[i % TOWNSHIPS.length],
    subject: text.subject,
    content: text.content,
    petitioner: {
      name,
      phone: `139${String(10000000 + ((i * 7919) % 89999999)).padStart(8, '0')}`,
      ...(withId ? { idNumber: `410726${19600101 + (i % 28)}${String(i % 10000).padStart(4, '0')}` } : {}),
    },
    form: { kind: 'individual' },
  };
}
