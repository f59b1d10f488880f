import { afterAll } from 'vitest';
import { removeTmpDirs } from './tests/helpers.js';

// Every test file cleans up the temporary folders it made.
afterAll(removeTmpDirs);
