import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The install's own files, found from this module's place in the build output
 * (build/electron/engine/app-paths.js → the package root three levels up).
 */
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const appPaths = {
  packageRoot,
  migrationsDir: join(packageRoot, 'resources', 'migrations'),
  rendererDir: join(packageRoot, 'build', 'renderer'),
};

export function appVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
    ? pkg.version
    : '0.0.0';
}
