import { describe, expect, it } from 'vitest';
import { createFromRecipe, recipeIds, type RecipeId } from '../../../shared/workflow/recipes.js';
import { Simulation, type SimulationSetup } from './simulator.js';

/** Every recipe, in both languages, walked through the simulator as a caller would. */
const teams = [
  { id: 'team-sales', name: 'Sales' },
  { id: 'team-support', name: 'Support' },
];
const weekdayMorning = new Date('2026-11-24T01:00:00Z'); // Tuesday 10:00 in Seoul
const sundayNight = new Date('2026-11-29T14:00:00Z'); // Sunday 23:00 in Seoul
const agentFree = { agentsAvailable: 1, callsWaiting: 0, longestWaitSec: 0 };

function simulate(
  recipe: RecipeId,
  language: 'ko' | 'en',
  setup: Partial<SimulationSetup> = {},
  waiting: RecipeId[] = [],
) {
  const make = (id: RecipeId) =>
    createFromRecipe(id, { language, timeZone: 'Asia/Seoul', officeName: 'Hana Dental', teams }).definition;
  const definition = make(recipe);
  return new Simulation(
    { workflowId: recipe, versionId: 'v1', definition },
    {
      caller: '01012345678',
      dialled: '0212345678',
      startAt: weekdayMorning,
      queues: { 'team-sales': agentFree, 'team-support': agentFree },
      farEnd: 'answers',
      ...setup,
    },
    {
      promptAudio: () => Promise.resolve(new Int16Array(8000)),
      phraseAudio: () => Promise.resolve(new Int16Array(4000)),
      waitingWorkflows: () =>
        waiting.map((id) => ({ workflowId: id, versionId: 'v1', definition: make(id) })),
      transferAllowList: () => [],
    },
  );
}

async function pressAll(sim: Simulation, keys: string) {
  for (const key of keys) await sim.press(key);
}

describe.each(['ko', 'en'] as const)('recipes in %s', (language) => {
  it('writes its texts in the manager’s language', () => {
    for (const id of recipeIds) {
      const { name, definition } = createFromRecipe(id, {
        language,
        timeZone: 'Asia/Seoul',
        officeName: '',
        teams: [],
      });
      const texts = [name, ...definition.steps.map((s) => s.name)].join(' ');
      expect(/[가-힣]/.test(texts), `${id}: ${texts}`).toBe(language === 'ko');
    }
  });

  it('design the IVR experience: in office hours, key 2 reaches support', async () => {
    const sim = simulate('ivr_experience', language);
    await sim.advance(500);
    await sim.press('2');
    const state = await sim.advance(2_000);
    expect(state.path).toEqual(['hours', 'menu', 'support']);
    expect(state.transcript).toContainEqual(
      expect.objectContaining({ kind: 'assign', target: 'team team-support' }),
    );
  });

  it('design the IVR experience: on a Sunday night, the after-hours message and goodbye', async () => {
    const state = await simulate('ivr_experience', language, { startAt: sundayNight }).advance(10_000);
    expect(state.path).toEqual(['hours', 'closed', 'bye']);
    expect(state.result).toEqual({ kind: 'ended-by-workflow' });
  });

  it('take callback info when busy: number entered, read back, confirmed and saved', async () => {
    const sim = simulate('callback_when_busy', language);
    await sim.press('1');
    await sim.advance(1_000);
    await pressAll(sim, '01098765432');
    await sim.advance(8_000); // read back digit by digit, then the confirmation question
    await sim.press('1');
    const state = await sim.advance(5_000);
    expect(state.path).toEqual(['offer', 'number', 'save', 'bye']);
    expect(state.transcript).toContainEqual({
      atMs: expect.any(Number),
      kind: 'callback',
      number: '01098765432',
      teamId: 'team-sales',
    });
    expect(state.result).toEqual({ kind: 'ended-by-workflow' });
  });

  it('take callback info when busy: "keep waiting" puts the caller back in the queue', async () => {
    const sim = simulate('callback_when_busy', language);
    await sim.press('2');
    const state = await sim.advance(5_000);
    expect(state.path).toEqual(['offer', 'hold']);
    expect(state.result).toEqual({ kind: 'back-to-queue' });
  });

  it('a caller waiting a minute for a busy team is offered a callback, and leaves a number', async () => {
    const sim = simulate('ivr_experience', language, { queues: {} }, ['callback_when_busy']);
    await sim.press('1');
    let state = await sim.advance(59_000);
    expect(state.stepId).toBe('sales');
    state = await sim.advance(2_000);
    expect(state.stepId).toBe('offer');
    await sim.press('1');
    await sim.advance(1_000);
    await pressAll(sim, '0212345678#');
    await sim.advance(8_000);
    await sim.press('1');
    state = await sim.advance(5_000);
    expect(state.path).toEqual(['hours', 'menu', 'sales', 'offer', 'number', 'save', 'bye']);
    expect(state.transcript).toContainEqual(
      expect.objectContaining({ kind: 'callback', number: '0212345678' }),
    );
    expect(state.result).toEqual({ kind: 'caller-hung-up' });
  });

  it('a waiting caller who chooses to keep waiting goes back to hold, and is asked again at the repeat', async () => {
    const sim = simulate('ivr_experience', language, { queues: {} }, ['callback_when_busy']);
    await sim.press('1');
    await sim.advance(61_000);
    await sim.press('2');
    let state = await sim.advance(60_000);
    expect(state.path).toEqual(['hours', 'menu', 'sales', 'offer', 'hold']);
    expect(state.stepId).toBe('sales');
    state = await sim.advance(65_000); // the offer repeats two minutes after the first
    expect(state.path).toEqual(['hours', 'menu', 'sales', 'offer', 'hold', 'offer']);
    expect(state.result).toBeNull();
  });

  it('keys pressed on hold do not answer the callback offer that comes later', async () => {
    const sim = simulate('ivr_experience', language, { queues: {} }, ['callback_when_busy']);
    await sim.press('1');
    await sim.advance(30_000);
    await sim.press('2'); // impatient, on hold: "keep waiting" must not be chosen by this
    const state = await sim.advance(35_000);
    expect(state.stepId).toBe('offer');
    expect(state.path).toEqual(['hours', 'menu', 'sales', 'offer']);
  });

  it('after-hours voicemail: a message left at night', async () => {
    const sim = simulate('after_hours_voicemail', language, { startAt: sundayNight });
    await sim.advance(1_000 + 400 + 4_000);
    await sim.press('#');
    const state = await sim.advance(5_000);
    expect(state.path).toEqual(['hours', 'voicemail']);
    expect(state.transcript).toContainEqual(
      expect.objectContaining({ kind: 'voicemail', durationMs: 4_000 }),
    );
  });

  it('booking lookup: the booking number is kept and the call goes to the team, tagged', async () => {
    const sim = simulate('booking_lookup', language);
    await pressAll(sim, '20261124#');
    await sim.advance(8_000); // read back, then the confirmation question
    await sim.press('1');
    const state = await sim.advance(2_000);
    expect(state.path).toEqual(['booking', 'tag', 'team']);
    expect(state.events.find((e) => e.stepId === 'booking' && e.kind === 'left')?.detail).toEqual({
      variable: 'booking_number',
      value: '20261124',
    });
  });
});
