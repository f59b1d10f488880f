import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rememberText } from '../../src/core/known-texts.js';
import { sha256, sha256Bytes } from '../../src/core/hash.js';
import { parseBases, serializeBases } from '../../src/core/state.js';
import { ImageTree } from '../../src/pack/image.js';
import { REPO } from '../helpers.js';

describe('the bases file (schema 3: gzip members)', () => {
  it('round-trips texts, with shipped ones copied as their build-time member and repeated texts side by side', () => {
    const shipped = '# A shipped prompt\n\nTé✓xt that ships.\n';
    const member = gzipSync(Buffer.from(shipped, 'utf8'), { level: 9 });
    rememberText(shipped, { sha256: 'f'.repeat(64), bytes: Buffer.from(shipped, 'utf8'), gzipMember: member });
    const bases = new Map([
      ['.claude/skills/flow-work/SKILL.md', 'skill text\n'],
      ['.ai-flow/prompts/shared/flow-work.md', shipped],
      ['AGENTS.md', 'agents\n'],
      ['.kiro/skills/flow-work/SKILL.md', 'skill text\n'],
    ]);
    const data = serializeBases(bases);
    expect([...parseBases(data)].sort()).toEqual([...bases].sort());
    // The shipped text's member is in the file byte for byte: it was not compressed again.
    expect(data.includes(member)).toBe(true);
    const raw = gunzipSync(data).toString('utf8');
    const head = JSON.parse(raw.slice(0, raw.indexOf('\n'))) as { schemaVersion: number; files: [string, number][] };
    expect(head.schemaVersion).toBe(3);
    expect(head.files.map(([p]) => p)).toEqual([
      '.ai-flow/prompts/shared/flow-work.md',
      '.claude/skills/flow-work/SKILL.md',
      '.kiro/skills/flow-work/SKILL.md',
      'AGENTS.md',
    ]);
  });

  it('a truncated or foreign file is corrupt (exit 4), never half read', () => {
    const data = serializeBases(new Map([['AGENTS.md', 'x\n'.repeat(1000)]]));
    expect(() => parseBases(data.subarray(0, data.length - 9))).toThrow(/bases\.gz is corrupt/);
    expect(() => parseBases(Buffer.from('not gzip'))).toThrow(/bases\.gz is corrupt/);
  });
});

describe('the pack image (dist/pack-image.bin, made by the build)', () => {
  // The build that made the image (the bundle built by `npm test` carries the same digest).
  const image = readFileSync(path.join(REPO, 'dist/pack-image.bin'));
  const { digest } = JSON.parse(image.toString('utf8', 0, image.indexOf(10))) as { digest: string };

  it('holds every file of prompts/ and templates/ as it is, with its sha256 and a gzip member of it', () => {
    const image = ImageTree.open(REPO, digest);
    expect(image).not.toBeNull();
    for (const dir of ['prompts/shared', 'templates/commands']) {
      const files = image!.listDir(dir);
      expect(files.length).toBeGreaterThan(3);
      for (const rel of files) {
        const text = image!.read(`${dir}/${rel}`)!;
        expect(text, rel).toBe(readFileSync(path.join(REPO, dir, rel), 'utf8'));
        // sha256() answers from the image's facts; they must be the text's real hash.
        expect(sha256(text), rel).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }
    }
  });

  it('is not used for another build', () => {
    expect(ImageTree.open(REPO, '0'.repeat(64))).toBeNull();
  });
});

describe('sha256 in WebAssembly (src/core/sha256.wat)', () => {
  it('gives node:crypto’s digest for every length around the block and padding edges, and for UTF-8 text', () => {
    const bytes = Buffer.alloc(300);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) & 255;
    for (let n = 0; n <= 300; n++) {
      const data = bytes.subarray(0, n);
      expect(sha256Bytes(data), `length ${n}`).toBe(createHash('sha256').update(data).digest('hex'));
    }
    for (const text of ['', 'abc', 'Té✓xt 🙂 with astral and\r\nCRLF', 'x'.repeat(200_000), '\ufeffBOM first']) {
      expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    // FIPS 180-4 example: "abc".
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
