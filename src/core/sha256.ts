import wasm from 'ai-flow:sha256-wasm';

/**
 * SHA-256 in WebAssembly (sha256.wat, assembled by the build): the same digests as node:crypto,
 * without its ≈8 ms of loading at every run. An install hashes only a few hundred small texts.
 */

/** FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
const K_AT = 512;
const MESSAGE_AT = 1024;

interface Engine {
  memory: WebAssembly.Memory;
  digest: (at: number, blocks: number) => void;
}
let engine: Engine | null = null;
const encoder = new TextEncoder();

function load(): Engine {
  if (engine) return engine;
  const exports = new WebAssembly.Instance(new WebAssembly.Module(wasm)).exports as unknown as Engine;
  new Uint32Array(exports.memory.buffer, K_AT, 64).set(K);
  return (engine = exports);
}

/** The memory, grown to hold `bytes` from MESSAGE_AT. */
function room(e: Engine, bytes: number): ArrayBuffer {
  const missing = MESSAGE_AT + bytes - e.memory.buffer.byteLength;
  if (missing > 0) e.memory.grow(Math.ceil(missing / 65536));
  return e.memory.buffer;
}

/** Pads the `length` message bytes at MESSAGE_AT (§5.1.1), hashes them, and returns the digest in hex. */
function finish(e: Engine, length: number): string {
  const blocks = Math.floor((length + 8) / 64) + 1;
  const buffer = room(e, blocks * 64);
  const message = new Uint8Array(buffer, MESSAGE_AT, blocks * 64);
  message[length] = 0x80;
  message.fill(0, length + 1, blocks * 64 - 8);
  const tail = new DataView(buffer, MESSAGE_AT + blocks * 64 - 8, 8);
  tail.setUint32(0, Math.floor(length / 0x20000000));
  tail.setUint32(4, (length << 3) >>> 0);
  e.digest(MESSAGE_AT, blocks);
  let hex = '';
  for (const word of new Uint32Array(buffer, 0, 8)) hex += word.toString(16).padStart(8, '0');
  return hex;
}

export function sha256Text(text: string): string {
  const e = load();
  // UTF-8 takes at most 3 bytes per UTF-16 unit; 72 more for the padding.
  const buffer = room(e, text.length * 3 + 72);
  const { written } = encoder.encodeInto(text, new Uint8Array(buffer, MESSAGE_AT, text.length * 3));
  return finish(e, written);
}

export function sha256Data(data: Uint8Array): string {
  const e = load();
  new Uint8Array(room(e, data.length + 72), MESSAGE_AT, data.length).set(data);
  return finish(e, data.length);
}
