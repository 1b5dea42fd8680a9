/**
 * Imported first by main.tsx. Zod speeds up object parsing by compiling validators with
 * `new Function`, after probing whether eval is allowed. The app's CSP forbids eval, so the probe
 * only produces CSP violation reports; jitless mode skips both the probe and the compilation.
 */
import { z } from 'zod';

z.config({ jitless: true });
