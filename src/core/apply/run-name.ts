/**
 * `bytes` random bytes in hex, for the names of a run's own folder and files. Math.random is
 * enough: V8 seeds it from the system at every start, so no repository can hold a file of
 * such a name in advance (and the run folder is made exclusively: a taken name is an error).
 */
export function randomHex(bytes: number): string {
  let hex = '';
  for (let i = 0; i < bytes; i++) hex += Math.floor(Math.random() * 256).toString(16).padStart(2, '0');
  return hex;
}
