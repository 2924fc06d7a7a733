// Server-Sent Events framing (the HTML standard's event-stream format), for a stream read with fetch.

export interface Frame {
  event: string;
  id: string | null;
  data: string;
}

/** Splits a Server-Sent Events text stream into frames (blank line between frames; `:` lines are comments). */
export function parseFrames(buffer: string): { frames: Frame[]; rest: string } {
  const frames: Frame[] = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const f: Frame = { event: 'message', id: null, data: '' };
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'event') f.event = value;
      else if (field === 'id') f.id = value;
      else if (field === 'data') f.data = f.data ? `${f.data}\n${value}` : value;
    }
    if (f.data || f.event !== 'message') frames.push(f);
  }
  return { frames, rest };
}
