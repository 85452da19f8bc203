import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server injects an inline React Refresh preamble, which the page's CSP (script-src
 * 'self') would block; only while serving, the meta policy is dropped. Builds keep it.
 */
function relaxCspWhileServing(): Plugin {
  return {
    name: 'switchboard:relax-csp-while-serving',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  };
}

/**
 * The renderer: built into build/renderer with relative asset paths, because the desktop app
 * loads it from file:// and the headless engine serves it from its own origin.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), relaxCspWhileServing()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
});
