import * as crypto from 'node:crypto';

/** One-shot hashing where Node has it (20.12+, 21.7+): no hash object per call, hundreds of calls a run. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function sha256(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
