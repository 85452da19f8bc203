import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/engine-process.js';

/** The layer rules of DESIGN.md are lint errors; this proves each one fires. */
const eslint = new ESLint({ cwd: repoRoot });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['electron/engine/x.ts', "import { app } from 'electron';"],
    ['electron/engine/x.ts', "import { useState } from 'react';"],
    ['electron/engine/x.ts', "import { App } from '../../renderer/app/app.js';"],
    ['renderer/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/x.ts', "import { readFileSync } from 'fs';"],
    ['renderer/x.ts', "import { createEngine } from '../electron/engine/engine.js';"],
    ['shared/x.ts', "import { join } from 'node:path';"],
    ['shared/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import { App } from '../renderer/app/app.js';"],
  ])('%s may not %s', async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['electron/engine/x.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/engine/x.ts', "import { methods } from '../../shared/rpc/contract.js';"],
    ['renderer/x.ts', "import { methods } from '../shared/rpc/contract.js';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
  ])('%s may %s', async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
