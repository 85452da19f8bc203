/**
 * Publish → live: how long from a manager pressing Publish until a new call would get the new
 * version (validation, rendering the audio, the publish transaction, the routing lookup). The
 * first publish renders every prompt and phrase with the speech synthesizer; later ones find
 * them rendered. Prints figures; asserts nothing. Run: npx tsx bench/publish-latency.ts
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { settingsSchema } from '../shared/domain/settings.js';
import { createFromRecipe } from '../shared/workflow/recipes.js';
import type { WorkflowDefinition } from '../shared/workflow/workflow.js';
import { PromptLibrary } from '../electron/engine/audio/prompt-library.js';
import { synthesizeSpeech } from '../electron/engine/audio/speech-synthesizer.js';
import { WorkflowPublisher } from '../electron/engine/flow/workflow-publisher.js';
import { openDatabase } from '../electron/engine/store/database.js';
import { LineRepository } from '../electron/engine/store/line-repository.js';
import { PromptRepository } from '../electron/engine/store/prompt-repository.js';
import { plainFileCipher, SecretStore } from '../electron/engine/store/secret-store.js';
import { TeamRepository } from '../electron/engine/store/team-repository.js';
import { WorkflowRepository } from '../electron/engine/store/workflow-repository.js';
import { tempDir } from '../test/fakes/temp-dir.js';
import { summary } from './stats.js';

const RUNS = 50;
const dir = tempDir('switchboard-bench-');
const database = openDatabase(
  join(dir.path, 'db.sqlite'),
  join(import.meta.dirname, '../resources/migrations'),
);
const lines = new LineRepository(
  database.db,
  new SecretStore(join(dir.path, 'secrets.json'), plainFileCipher),
);
const workflows = new WorkflowRepository(database.db);
const library = new PromptLibrary({
  ttsDir: join(dir.path, 'tts'),
  synthesize: (text, language) => synthesizeSpeech(text, language),
  uploadedFile: () => undefined,
});
const publisher = new WorkflowPublisher({
  workflows,
  lines,
  prompts: new PromptRepository(database.db),
  teams: new TeamRepository(database.db),
  library,
  // The defaults of a new install.
  settings: () => settingsSchema.parse({}),
});

/** The booking recipe in Korean, its team step made a goodbye (no teams exist here). */
function definition(run: number): WorkflowDefinition {
  const recipe = createFromRecipe('booking_lookup', {
    language: 'ko',
    timeZone: 'Asia/Seoul',
    officeName: '',
    teams: [],
  });
  return {
    ...recipe.definition,
    steps: recipe.definition.steps.map((step) =>
      step.kind === 'assign' ? { kind: 'end_call', id: step.id, name: `Bye ${run}`, prompt: null } : step,
    ),
  };
}

const { id } = workflows.create('Bookings', definition(0));
const timed = async (run: number): Promise<number> => {
  workflows.saveDraft(id, definition(run));
  const started = performance.now();
  const version = await publisher.publish(id, { note: `run ${run}`, author: 'bench' });
  if (workflows.liveVersions('customer_called')[0]?.versionId !== version.id) throw new Error('not live');
  return performance.now() - started;
};

const first = await timed(0);
const later: number[] = [];
for (let run = 1; run <= RUNS; run++) later.push(await timed(run));
console.log('publish → live (validate, render audio, publish, routing sees it)');
console.log(`  first publish, ${'rendering every prompt and phrase'.padEnd(27)} ${first.toFixed(0)} ms`);
console.log(summary('  later publishes, audio rendered', later));
database.close();
dir.remove();
