// The render thread from TypeScript source (dev server, tests): tsx's loader first, then the worker itself.
// A bundled server starts render-worker.js instead (see render-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
