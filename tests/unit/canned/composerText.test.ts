/** The composer's `/` detection and insertion (renderer/src/features/canned/composerText.ts). */
import { describe, expect, it } from 'vitest';
import { insertAt, slashQueryAt } from '../../../renderer/src/features/canned/composerText';

describe('slashQueryAt', () => {
  it.each([
    ['/ref', 4, { start: 0, end: 4, query: 'ref' }],
    ['您好 /退款', 6, { start: 3, end: 6, query: '退款' }],
    ['first line\n/', 12, { start: 11, end: 12, query: '' }],
    ['and/or', 6, null], // a slash inside a word is text
    ['/ref more', 9, null], // the query ended at the space
    ['http://x', 8, null],
  ])('%j at %i', (text, caret, expected) => {
    expect(slashQueryAt(text, caret)).toEqual(expected);
  });
});

describe('insertAt', () => {
  it('replaces the /query and puts the caret after the insertion, so responses can follow each other', () => {
    const first = insertAt('/ref', { start: 0, end: 4 }, 'A.');
    expect(first).toEqual({ text: 'A.', caret: 2 });
    const second = insertAt(`${first.text} /bye`, { start: 3, end: 7 }, 'B.');
    expect(second).toEqual({ text: 'A. B.', caret: 5 });
  });
});
