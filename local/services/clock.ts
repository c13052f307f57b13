/**
 * The runtime's notion of "now". Apps Script code sleeps, waits for locks and lets cache entries
 * expire; tests must see those effects without waiting, so time only moves when told to.
 */
export class Clock {
  private ms: number;

  constructor(start: Date | number = Date.now()) {
    this.ms = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.ms;
  }

  date(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`Clock.advance: cannot go back in time (${ms} ms)`);
    this.ms += ms;
  }

  set(to: Date | number): void {
    this.ms = typeof to === 'number' ? to : to.getTime();
  }
}
