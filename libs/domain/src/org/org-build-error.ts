/** The division rows or units given to a builder do not form a territory tree / directory. */
export class OrgBuildError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`org data: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`);
    this.name = 'OrgBuildError';
  }
}
