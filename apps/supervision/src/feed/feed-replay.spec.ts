import type { MessageEvent } from '@nestjs/common';
import type { CaseViewer, CaseVisibilityFacts } from '@sunshine/domain';
import type { PlatformConfig } from '@sunshine/platform';
import type { Subscription } from 'rxjs';

import { FEED_REPLAY_LIMIT, FeedService } from './feed.service';
import type { FeedNotice } from './feed-item';

const COUNTY_BUREAU: CaseViewer = {
  unitId: '410726000000:petition-bureau',
  kind: 'petition-bureau',
  divisionCode: '410726000000',
  lineage: ['410726000000:petition-bureau'],
};
const facts = (territory: string): CaseVisibilityFacts => ({
  confidential: false,
  accusedUnitId: null,
  accusedDivision: null,
  registeredBy: null,
  involvedUnits: [],
  territoryCodes: [territory],
  disciplineDivisions: [],
});
const T0 = Date.parse('2026-12-02T02:00:00.000Z');
const notice = (n: number, territory = '410726000000'): FeedNotice => ({
  change: {
    eventId: `0190a6b2-7c3e-7a1b-8c2d-${String(n).padStart(12, '0')}`,
    caseId: 'c',
    caseNumber: null,
    type: 'case.signed',
    fromStatus: 'dispatched',
    status: 'signed',
    stage: 'original',
    holdingUnitId: null,
    occurredAt: '2026-12-02T02:00:00.000Z',
  },
  facts: facts(territory),
});
const idOf = (n: number) => notice(n).change.eventId;

function feedWith(count: number, at = T0): FeedService {
  const feed = new FeedService({ database: { schema: 'x', url: '' }, service: 'supervision' } as unknown as PlatformConfig);
  for (let n = 1; n <= count; n++) feed.receive(notice(n, n === 3 ? '410727000000' : '410726000000'), at);
  return feed;
}

/** What a subscriber gets at once (the replay), then after one more change is committed. */
function received(feed: FeedService, lastEventId: string | undefined, now: number, next?: FeedNotice): MessageEvent[] {
  const got: MessageEvent[] = [];
  const sub: Subscription = feed.stream(COUNTY_BUREAU, lastEventId, now).subscribe((m) => got.push(m));
  if (next) feed.receive(next, now);
  sub.unsubscribe();
  return got;
}

describe('the live feed after a reconnect (Last-Event-ID)', () => {
  it('replays what was missed since the last change seen, in commit order, only what the viewer may see, then goes on live', () => {
    const got = received(feedWith(5), idOf(1), T0 + 60_000, notice(6));
    // Change 3 is in 封丘县 (410727): not the county bureau of 延津县's.
    expect(got.map((m) => [m.type, m.id])).toEqual([
      ['status', idOf(2)],
      ['status', idOf(4)],
      ['status', idOf(5)],
      ['status', idOf(6)],
    ]);
  });

  it('sends only live changes to a first connection', () => {
    expect(received(feedWith(5), undefined, T0, notice(6)).map((m) => m.id)).toEqual([idOf(6)]);
  });

  it('says reset when the last change seen is older than 24 hours, or no longer kept, or unknown', () => {
    expect(received(feedWith(5), idOf(1), T0 + 24 * 3600_000 + 1).map((m) => m.type)).toEqual(['reset']);
    expect(received(feedWith(FEED_REPLAY_LIMIT + 1), idOf(1), T0).map((m) => m.type)).toEqual(['reset']);
    expect(received(feedWith(5), 'not-an-id', T0)).toEqual([
      { type: 'reset', data: expect.objectContaining({ reason: 'last-event-unknown' }) },
    ]);
    // Within the bound the oldest kept change still resumes.
    expect(received(feedWith(FEED_REPLAY_LIMIT + 1), idOf(2), T0).length).toBe(FEED_REPLAY_LIMIT - 2);
  });
});
