import { describe, expect, it } from 'vitest';
import { hasConflictMarkers, mergeThreeWay } from '../../src/core/merge.js';

const labels = { ours: 'yours', base: 'base', theirs: 'new' };

describe('three-way merge', () => {
  it('takes changes from both sides when they do not overlap', () => {
    const r = mergeThreeWay('a\nb\nc\nd\n', 'A\nb\nc\nd\n', 'a\nb\nc\nD\n', labels);
    expect(r).toEqual({ text: 'A\nb\nc\nD\n', conflicts: 0 });
  });

  it('accepts the same change made on both sides without a conflict', () => {
    expect(mergeThreeWay('a\n', 'b\n', 'b\n', labels)).toEqual({ text: 'b\n', conflicts: 0 });
  });

  it('marks overlapping changes with diff3-style markers', () => {
    const r = mergeThreeWay('x\n', 'mine\n', 'theirs\n', labels);
    expect(r.conflicts).toBe(1);
    expect(r.text).toBe('<<<<<<< yours\nmine\n||||||| base\nx\n=======\ntheirs\n>>>>>>> new\n');
    expect(hasConflictMarkers(r.text)).toBe(true);
  });

  it('keeps a user addition at the end of the file', () => {
    expect(mergeThreeWay('a\nb\n', 'a\nb\nmy note\n', 'a2\nb\n', labels).text).toBe('a2\nb\nmy note\n');
  });
});
