/** The injectable clock of the integration tests: "now" is whatever the test set, and stays there. */
export class ManualClock {
  readonly shared = false;
  private ms: number;

  constructor(start: string) {
    this.ms = Date.parse(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(instant: string | Date): void {
    this.ms = new Date(instant).getTime();
  }
}
