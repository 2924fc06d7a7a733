import { describe, expect, it } from '@jest/globals';

import { parseFrames } from './frames';

describe('parseFrames (the live feed as fetch reads it)', () => {
  it('splits complete frames, keeps the incomplete tail for the next chunk', () => {
    const chunk =
      'id: e1\nevent: status\ndata: {"caseId":"c1"}\n\n: keep-alive comment\n\nevent: heartbeat\ndata: {}\n\nid: e2\nevent: sta';
    const { frames, rest } = parseFrames(chunk);
    expect(frames).toEqual([
      { event: 'status', id: 'e1', data: '{"caseId":"c1"}' },
      { event: 'heartbeat', id: null, data: '{}' },
    ]);
    expect(rest).toBe('id: e2\nevent: sta');
    const next = parseFrames(`${rest}tus\ndata: {"caseId":"c2"}\n\n`);
    expect(next.frames).toEqual([{ event: 'status', id: 'e2', data: '{"caseId":"c2"}' }]);
    expect(next.rest).toBe('');
  });

  it('reads CRLF line ends, multi-line data and a reset event without data', () => {
    const { frames } = parseFrames('event: reset\r\n\r\ndata: a\r\ndata: b\r\n\r\n');
    expect(frames).toEqual([
      { event: 'reset', id: null, data: '' },
      { event: 'message', id: null, data: 'a\nb' },
    ]);
  });
});
