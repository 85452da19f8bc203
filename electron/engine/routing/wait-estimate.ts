/** How many recent calls of a team the average handle time is taken over. */
const WINDOW = 20;

/**
 * Expected waits from recent handle times (talk plus wrap-up) per team: a caller in position p
 * waits about p × average handle time ÷ agents staffing the team. Seeded from the last calls in
 * the inbox at start, so the first caller after a restart hears an estimate too.
 */
export class WaitEstimate {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly seed: (teamId: string) => number[] = () => []) {}

  handled(teamId: string, handleMs: number): void {
    const list = this.of(teamId);
    list.push(handleMs);
    if (list.length > WINDOW) list.shift();
  }

  /** Seconds, or null with no history or nobody staffing the team. */
  estimateSec(teamId: string, position: number, staffed: number): number | null {
    const list = this.of(teamId);
    if (list.length === 0 || staffed === 0) return null;
    const averageMs = list.reduce((sum, ms) => sum + ms, 0) / list.length;
    return Math.round((position * averageMs) / staffed / 1000);
  }

  private of(teamId: string): number[] {
    let list = this.recent.get(teamId);
    if (!list) {
      list = this.seed(teamId).slice(-WINDOW);
      this.recent.set(teamId, list);
    }
    return list;
  }
}
