import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The window's security settings, read from the source because the Electron binary cannot run
 * here: a regression in any of them must fail the build, not wait for a manual check.
 */
const source = readFileSync(join(import.meta.dirname, 'window.ts'), 'utf8');

describe('desktop window security', () => {
  it.each(['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true'])(
    'sets %s',
    (setting) => expect(source).toContain(setting),
  );

  it('blocks navigation, webviews and new windows, and applies the CSP to every response', () => {
    expect(source).toMatch(/'will-navigate', \(event\) => event\.preventDefault\(\)/);
    expect(source).toMatch(/'will-attach-webview', \(event\) => event\.preventDefault\(\)/);
    expect(source).toMatch(/return \{ action: 'deny' \}/);
    expect(source).toContain("'Content-Security-Policy': [CONTENT_SECURITY_POLICY]");
  });
});
