import { leaderRefusal } from './leader-rule';

const LEADER = { subject: 'leader-zhang', unitId: '410726000000:government', roles: ['leader'], active: true };

describe('who may be the leader in charge (包案)', () => {
  it('accepts a registered, active leader of a unit that may know of the case', () => {
    expect(leaderRefusal('leader-zhang', LEADER, 'full')).toBeNull();
    expect(leaderRefusal('leader-zhang', LEADER, 'facts-only')).toBeNull();
  });

  it.each([
    ['a name no staff register knows (free text)', '张县长', null, 'full', 'LEADER_NOT_STAFF'],
    ['a user no longer active', 'leader-zhang', { ...LEADER, active: false }, 'full', 'LEADER_INACTIVE'],
    ['a clerk, not a leader', 'clerk-li', { ...LEADER, subject: 'clerk-li', roles: ['clerk'] }, 'full', 'LEADER_ROLE_REQUIRED'],
    ['a leader of a unit not in the directory', 'leader-zhang', LEADER, null, 'LEADER_UNIT_UNKNOWN'],
    ['a leader of a unit that may not know of the case (the accused side)', 'leader-zhang', LEADER, 'none', 'LEADER_UNIT_CANNOT_SEE_CASE'],
  ] as const)('refuses %s with 422', (_, subject, user, access, code) => {
    const refused = leaderRefusal(subject, user, access);
    expect([refused?.code, refused?.kind]).toEqual([code, 'unprocessable']);
  });
});
