import { describe, expect, it } from 'vitest';
import { WaitEstimate } from './wait-estimate.js';

describe('wait estimate', () => {
  it('has no estimate without history or with nobody staffing the team', () => {
    const estimate = new WaitEstimate();
    expect(estimate.estimateSec('sales', 1, 2)).toBeNull();
    estimate.handled('sales', 60_000);
    expect(estimate.estimateSec('sales', 1, 0)).toBeNull();
  });

  it('is position × average handle time ÷ agents staffing the team, per team', () => {
    const estimate = new WaitEstimate();
    estimate.handled('sales', 60_000);
    estimate.handled('sales', 120_000);
    estimate.handled('support', 10_000);
    expect(estimate.estimateSec('sales', 1, 1)).toBe(90);
    expect(estimate.estimateSec('sales', 3, 2)).toBe(135);
    expect(estimate.estimateSec('support', 1, 1)).toBe(10);
  });

  it('averages the last 20 calls only', () => {
    const estimate = new WaitEstimate();
    for (let i = 0; i < 20; i++) estimate.handled('sales', 600_000);
    for (let i = 0; i < 20; i++) estimate.handled('sales', 60_000);
    expect(estimate.estimateSec('sales', 1, 1)).toBe(60);
  });

  it('starts from the recent calls in the inbox after a restart, newest 20 of them', () => {
    const seeded: string[] = [];
    const estimate = new WaitEstimate((teamId) => {
      seeded.push(teamId);
      return [...Array<number>(5).fill(999_000), ...Array<number>(20).fill(30_000)];
    });
    expect(estimate.estimateSec('sales', 2, 1)).toBe(60);
    estimate.handled('sales', 30_000);
    expect(estimate.estimateSec('sales', 2, 1)).toBe(60);
    expect(seeded).toEqual(['sales']);
  });
});
