// Fails when electron/engine/store/schema.ts and the committed SQL migrations disagree:
// drizzle-kit generates into a copy of resources/migrations, and any new file means the
// schema changed without `npm run db:generate` being run and committed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';

const committed = 'resources/migrations';
// drizzle-kit only takes a relative --out path.
const copy = 'build/migrations-check';
rmSync(copy, { recursive: true, force: true });
mkdirSync('build', { recursive: true });
try {
  cpSync(committed, copy, { recursive: true });
  const before = readdirSync(copy).sort();
  execFileSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect',
      'sqlite',
      '--schema',
      'electron/engine/store/schema.ts',
      '--out',
      copy,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const added = readdirSync(copy).filter((f) => !before.includes(f));
  if (added.length > 0) {
    console.error(
      `The database schema changed but its migration is not committed (drizzle-kit would add ${added.join(', ')}).\n` +
        'Run `npm run db:generate` and commit resources/migrations.',
    );
    process.exit(1);
  }
  execFileSync('npx', ['drizzle-kit', 'check', '--dialect', 'sqlite', '--out', committed], {
    stdio: 'inherit',
  });
  console.log('migrations: schema and committed migrations agree');
} finally {
  rmSync(copy, { recursive: true, force: true });
}
