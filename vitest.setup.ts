import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { removeTmpDirs } from './tests/helpers.js';

// Every test file cleans up the temporary folders it made.
afterAll(removeTmpDirs);

// The CLIs the tests spawn keep their code cache (bin/ai-flow.cjs) away from the user's own.
process.env.AI_FLOW_CACHE_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'ai-flow-test-cache-'));
