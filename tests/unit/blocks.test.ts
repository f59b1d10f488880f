import { describe, expect, it } from 'vitest';
import { findBlock, removeBlock, upsertBlock, wrapBlock, BLOCK_BEGIN, BLOCK_END } from '../../src/core/blocks.js';
import { StateError } from '../../src/errors.js';

describe('managed blocks', () => {
  it('creates a file holding only the block', () => {
    expect(upsertBlock(null, 'hello', 'f')).toBe(`${BLOCK_BEGIN}\nhello\n${BLOCK_END}\n`);
  });

  it('appends to a file without a block, separated by a blank line', () => {
    expect(upsertBlock('mine', 'x', 'f')).toBe(`mine\n\n${wrapBlock('x')}\n`);
    expect(upsertBlock('mine\n', 'x', 'f')).toBe(`mine\n\n${wrapBlock('x')}\n`);
  });

  it('replaces only the text between the markers', () => {
    const text = `before\r\n${wrapBlock('old')}\nafter ${BLOCK_END.length}\n`;
    expect(upsertBlock(text, 'new', 'f')).toBe(`before\r\n${wrapBlock('new')}\nafter ${BLOCK_END.length}\n`);
  });

  it('reads back exactly the inner text it wrote', () => {
    const inner = 'line 1\n\nline 3 with <!-- a comment -->';
    expect(findBlock(upsertBlock('x', inner, 'f'), 'f')?.inner).toBe(inner);
  });

  it('rejects unpaired or reversed markers', () => {
    expect(() => findBlock(`${BLOCK_BEGIN}\nx`, 'f')).toThrow(StateError);
    expect(() => findBlock(`${BLOCK_END}\n${BLOCK_BEGIN}`, 'f')).toThrow(/unpaired/);
    expect(() => findBlock(`${wrapBlock('a')}\n${wrapBlock('b')}`, 'f')).toThrow(/2 begin/);
  });

  it('removes the block and returns null when nothing else is left', () => {
    expect(removeBlock(`${wrapBlock('x')}\n`, 'f')).toBeNull();
    expect(removeBlock(`keep\n\n${wrapBlock('x')}\n`, 'f')).toBe('keep\n');
  });
});
