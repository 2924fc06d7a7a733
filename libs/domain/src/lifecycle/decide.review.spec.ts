import {
  answeredSteps,
  BUREAU,
  CITY,
  commands,
  COUNTY,
  DEPT,
  envelope,
  play,
  reReviewAcceptedSteps,
  T0,
} from './__fixtures__/case.fixtures';
import type { CaseCommand } from './case-command';
import { decide } from './decide';
import { evolve } from './evolve';

const expire = (window: 'rating' | 'review' | 're-review', stage: 'original' | 'review'): CaseCommand => ({
  name: 'expire-window',
  payload: { window, stage, unitId: DEPT, dueAt: T0 },
});

function answeredAs(type: 'suggestion' | 'accusation' | 'claim', route?: 'petition' | 'litigation') {
  return play([
    commands.register({ type }),
    commands.dispatch(BUREAU, DEPT),
    commands.sign(DEPT),
    commands.accept(DEPT, route),
    commands.reply(DEPT),
    commands.serve(DEPT),
  ]).state;
}

describe('review requests (复查 Art 35, 复核 Art 36)', () => {
  it('opens the review at the next-higher unit: dispatched again, stage review', () => {
    const { state } = play([...answeredSteps(), commands.requestReview('review'), commands.openStage('review', COUNTY)]);
    expect(state).toMatchObject({ status: 'dispatched', stage: 'review', holdingUnitId: COUNTY, reviewRequested: null });
  });

  it('waits for the written reply to be served', () => {
    const unserved = play(answeredSteps().slice(0, -1)).state;
    expect(decide(unserved, commands.requestReview('review'))).toMatchObject({ ok: false, error: { code: 'REPLY_NOT_SERVED' } });
  });

  it('is open only to claims on the petition route', () => {
    for (const state of [answeredAs('suggestion'), answeredAs('accusation'), answeredAs('claim', 'litigation')]) {
      expect(decide(state, commands.requestReview('review'))).toMatchObject({ ok: false, error: { code: 'NOT_REVIEWABLE' } });
    }
    expect(decide(answeredAs('claim', 'petition'), commands.requestReview('review')).ok).toBe(true);
    expect(decide(answeredAs('claim'), commands.requestReview('review')).ok).toBe(true);
  });

  it('asks for the next stage only, once', () => {
    const { state } = play(answeredSteps());
    expect(decide(state, commands.requestReview('re-review'))).toMatchObject({ ok: false, error: { code: 'WRONG_STAGE' } });
    const requested = play([...answeredSteps(), commands.requestReview('review')]).state;
    expect(decide(requested, commands.requestReview('review'))).toMatchObject({ ok: false, error: { code: 'REVIEW_REQUESTED' } });
    expect(decide(requested, commands.close(DEPT))).toMatchObject({ ok: false, error: { code: 'REVIEW_REQUESTED' } });
  });

  it('is refused once the review window expired', () => {
    const { state } = play([...answeredSteps(), expire('review', 'original')]);
    expect(decide(state, commands.requestReview('review'))).toMatchObject({ ok: false, error: { code: 'WINDOW_EXPIRED' } });
  });

  it('still accepts a rated case inside its window', () => {
    const { state } = play([...answeredSteps(), commands.rate('original', DEPT)]);
    expect(state.status).toBe('replied');
    expect(decide(state, commands.requestReview('review')).ok).toBe(true);
  });

  it('ends with re-review: no further review, finalized rather than closed', () => {
    const reReviewed = play([...reReviewAcceptedSteps(), commands.reply(CITY), commands.serve(CITY)]).state;
    expect(decide(reReviewed, { name: 'request-review', payload: { stage: 're-review', requestedAt: T0 } })).toMatchObject({
      ok: false,
      error: { code: 'NO_FURTHER_REVIEW' },
    });
    expect(decide(reReviewed, commands.close(CITY))).toMatchObject({ ok: false, error: { code: 'WRONG_STAGE' } });
    expect(decide(reReviewed, commands.finalize(CITY)).ok).toBe(true);
  });

  it('finalizes only a re-review', () => {
    const { state } = play(answeredSteps());
    expect(decide(state, commands.finalize(DEPT))).toMatchObject({ ok: false, error: { code: 'WRONG_STAGE' } });
  });

  it('opens only the stage that was asked for, at another unit', () => {
    const { state } = play(answeredSteps());
    expect(decide(state, commands.openStage('review', COUNTY))).toMatchObject({ ok: false, error: { code: 'NO_REVIEW_REQUESTED' } });
    const requested = play([...answeredSteps(), commands.requestReview('review')]).state;
    expect(decide(requested, commands.openStage('re-review', COUNTY))).toMatchObject({ ok: false, error: { code: 'WRONG_STAGE' } });
    expect(decide(requested, commands.openStage('review', DEPT))).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
  });
});

describe('closing, rating and windows', () => {
  it('closes a claim only after its reply was served; a suggestion right after its reply', () => {
    const unserved = play(answeredSteps().slice(0, -1)).state;
    expect(decide(unserved, commands.close(DEPT))).toMatchObject({ ok: false, error: { code: 'REPLY_NOT_SERVED' } });
    const suggestion = play([
      commands.register({ type: 'suggestion' }),
      commands.dispatch(BUREAU, DEPT),
      commands.sign(DEPT),
      commands.accept(DEPT),
      commands.reply(DEPT),
    ]).state;
    expect(decide(suggestion, commands.close(DEPT)).ok).toBe(true);
  });

  it('rates each stage once, inside the rating window', () => {
    const rated = play([...answeredSteps(), commands.rate('original', DEPT)]).state;
    expect(decide(rated, commands.rate('original', DEPT))).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } });
    const expired = play([...answeredSteps(), expire('rating', 'original')]).state;
    expect(decide(expired, commands.rate('original', DEPT))).toMatchObject({ ok: false, error: { code: 'WINDOW_EXPIRED' } });
    expect(decide(expired, expire('rating', 'original'))).toMatchObject({ ok: false, error: { code: 'ALREADY_EXPIRED' } });
    expect(decide(play(answeredSteps().slice(0, -1)).state, commands.rate('original', DEPT))).toMatchObject({
      ok: false,
      error: { code: 'REPLY_NOT_SERVED' },
    });
  });

  it('lets the petitioner’s own rating replace a callback rating, and never the reverse', () => {
    const called = play([...answeredSteps(), commands.rate('original', DEPT, 'satisfied', 'staff-callback')]).state;
    expect(called.stages.original?.ratings).toEqual({ 'handling-unit': 'satisfied' });
    expect(decide(called, commands.rate('original', DEPT, 'satisfied', 'staff-callback'))).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_RATED' },
    });
    const own = play([
      ...answeredSteps(),
      commands.rate('original', DEPT, 'satisfied', 'staff-callback'),
      commands.rate('original', DEPT, 'dissatisfied'),
    ]).state;
    expect([own.stages.original?.ratings, own.stages.original?.ratedBy]).toEqual([
      { 'handling-unit': 'dissatisfied' },
      { 'handling-unit': 'citizen' },
    ]);
    expect(decide(own, commands.rate('original', DEPT, 'satisfied', 'staff-callback'))).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_RATED' },
    });
    expect(decide(own, commands.rate('original', DEPT, 'satisfied'))).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } });
  });

  it('keeps the petitioner’s rating when a callback rating arrives after it on the log', () => {
    const own = play([...answeredSteps(), commands.rate('original', DEPT, 'dissatisfied')]).state;
    const callback = {
      stage: 'original',
      subject: 'handling-unit',
      unitId: DEPT,
      score: 'satisfied',
      enteredBy: 'staff-callback',
    } as const;
    const late = evolve(own, envelope({ type: 'petition.rated', payload: callback })).state;
    expect([late.stages.original?.ratings, late.stages.original?.ratedBy]).toEqual([
      { 'handling-unit': 'dissatisfied' },
      { 'handling-unit': 'citizen' },
    ]);
  });

  it('does not expire a review window once the review was asked for', () => {
    const requested = play([...answeredSteps(), commands.requestReview('review')]).state;
    expect(decide(requested, expire('review', 'original'))).toMatchObject({ ok: false, error: { code: 'REVIEW_REQUESTED' } });
    expect(decide(requested, expire('re-review', 'original'))).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
  });

  it('withdrawal ends any stage; nothing moves afterwards', () => {
    const { state } = play([...answeredSteps().slice(0, 4), commands.withdraw()]);
    expect(state.status).toBe('withdrawn');
    expect(decide(state, commands.startHandling(DEPT))).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(decide(state, commands.withdraw())).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
  });
});
