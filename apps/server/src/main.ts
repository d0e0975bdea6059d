import { serve, startFailed } from './serve.ts';

await serve().catch(startFailed);
