import { createFromRecipe } from '../../../shared/workflow/recipes.js';

/**
 * For tests: the "Main IVR with office hours" recipe in English with one team, and the index of
 * an edge in it by its source and exit.
 */
export const mainIvr = createFromRecipe('ivr_experience', {
  language: 'en',
  timeZone: 'Asia/Seoul',
  officeName: 'Acme',
  teams: [{ id: '8a6e0f7e-7a57-4d2b-9a2c-1f1f1f1f1f1f', name: 'Sales' }],
}).definition;

export const mainIvrEdge = (source: string, output: string): number =>
  mainIvr.edges.findIndex((e) => e.source === source && e.output === output);
