// Builds the embeddable widget into out/widget/widget.js: one classic script, no imports, that a
// centre's site loads with a plain <script> tag.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname),
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, '..', 'out', 'widget'),
    emptyOutDir: true,
    target: 'es2020',
    lib: { entry: resolve(import.meta.dirname, 'src', 'main.ts'), name: 'SwitchboardWidget', formats: ['iife'], fileName: () => 'widget.js' },
  },
});
