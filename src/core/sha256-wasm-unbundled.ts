import { readFileSync } from 'node:fs';
import wabtModule from 'wabt';

/** Stands in for the build's assembled sha256.wat when the sources run unbundled (vitest): assembled here, with the same tool. */
const wabt = await wabtModule();
const parsed = wabt.parseWat('sha256.wat', readFileSync(new URL('./sha256.wat', import.meta.url), 'utf8'));
parsed.validate();
const bytes = new Uint8Array(parsed.toBinary({}).buffer);
export default bytes;
