import { createInterface } from 'node:readline';

import { classifyText } from '@sunshine/domain';
import { loadLinearTextModel } from '@sunshine/platform';

/**
 * `npm run -s classify < in.jsonl > out.jsonl`: one JSON object per input line with `subject` and/or `body` (either
 * may be missing); one line out per line in, same order: `{"label1", "score", "top3": [[label, score], …]}`.
 * A line that is not a JSON object answers `{"error": …}` in its place, so the lines stay aligned.
 */
async function main(): Promise<void> {
  const model = loadLinearTextModel();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out: string[] = [];
  const flush = (): void => {
    if (out.length) process.stdout.write(out.join(''));
    out.length = 0;
  };
  for await (const line of lines) {
    if (!line.trim()) continue;
    out.push(`${JSON.stringify(classifyLine(model, line))}\n`);
    if (out.length >= 256) flush();
  }
  flush();
}

function classifyLine(model: ReturnType<typeof loadLinearTextModel>, line: string): object {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: 'not JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { error: 'not a JSON object' };
  const { subject, body } = input as { subject?: unknown; body?: unknown };
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const result = classifyText(model, { subject: text(subject), body: text(body) });
  return { label1: result.label, score: round(result.score), top3: result.top3.map(([label, score]) => [label, round(score)]) };
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
