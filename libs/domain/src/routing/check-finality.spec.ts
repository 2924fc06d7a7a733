import { answeredSteps, CITY, commands, DEPT, play, reReviewAcceptedSteps } from '../lifecycle/__fixtures__/case.fixtures';
import { checkFinality } from './check-finality';

// The fixtures' events are an hour apart from 2025-03-03T01:00Z (T0): the n-th event of the file occurs at T0 + n hours;
// the re-review's reply below is the 18th (7 original steps, 6 of the review, 5 of the re-review), at 19:00Z.
describe('checkFinality (Art 36)', () => {
  const reviewed = reReviewAcceptedSteps();

  it('is final once the re-review’s opinion is given, and after finalization', () => {
    const replied = play([...reviewed, commands.reply(CITY)]).state;
    expect(replied.stage).toBe('re-review');
    expect(checkFinality(replied)).toEqual({
      final: true,
      finalSince: '2025-03-03T19:00:00.000Z',
      reasons: ['同一事项已经复核终结（信访事项4107262025000001）；信访人仍以同一事实和理由提出的，不再受理（《信访工作条例》第三十六条）'],
    });
    const finalized = play([
      ...reviewed,
      commands.reply(CITY),
      commands.serve(CITY, '2025-06-01T02:00:00.000Z'),
      commands.finalize(CITY),
    ]).state;
    expect(finalized.status).toBe('finalized');
    expect(checkFinality(finalized).final).toBe(true);
  });

  it('is not final in the original or review stage, nor in a re-review not yet answered', () => {
    expect(checkFinality(play(answeredSteps()).state)).toEqual({ final: false, finalSince: null, reasons: [] });
    expect(checkFinality(play(reviewed).state).final).toBe(false);
    expect(checkFinality(play([...answeredSteps().slice(0, 2), commands.sign(DEPT)]).state).final).toBe(false);
  });
});
