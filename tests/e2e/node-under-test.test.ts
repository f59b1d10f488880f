import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NODE, read, REPO, runCli, tmpDir } from '../helpers.js';

describe('the Node matrix', () => {
  it('spawned CLIs run on the Node under test ($AI_FLOW_TEST_NODE), not on vitest’s', () => {
    const expected = process.env.AI_FLOW_TEST_NODE_VERSION ?? (process.env.AI_FLOW_TEST_NODE ? execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim() : process.version);
    const dir = tmpDir();
    const hook = pathToFileURL(path.join(REPO, 'tests/fixtures/report-node.mjs')).href;
    const r = runCli(['--version'], { env: { NODE_OPTIONS: `--import=${hook}`, AI_FLOW_NODE_LOG: path.join(dir, 'node.txt') } });
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'node.txt')).toBe(expected);
  });
});
