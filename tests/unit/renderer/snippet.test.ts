import { describe, expect, it } from 'vitest';
import { parseSnippet } from '../../../renderer/src/lib/snippet';

const S = '\u0002';
const E = '\u0003';

describe('parseSnippet', () => {
  it('splits hits from plain text', () => {
    expect(parseSnippet(`…refund ${S}delayed${E} again, ${S}delayed${E}!`)).toEqual([
      { text: '…refund ', hit: false },
      { text: 'delayed', hit: true },
      { text: ' again, ', hit: false },
      { text: 'delayed', hit: true },
      { text: '!', hit: false },
    ]);
  });

  it('handles Chinese text and hits at the edges', () => {
    expect(parseSnippet(`${S}退款${E}什么时候到${S}账${E}`)).toEqual([
      { text: '退款', hit: true },
      { text: '什么时候到', hit: false },
      { text: '账', hit: true },
    ]);
  });

  it('keeps markup-looking text as text (it is never HTML)', () => {
    expect(parseSnippet(`<img src=x onerror=alert(1)> ${S}<b>${E}`)).toEqual([
      { text: '<img src=x onerror=alert(1)> ', hit: false },
      { text: '<b>', hit: true },
    ]);
  });

  it('tolerates broken markers without producing empty segments', () => {
    expect(parseSnippet('')).toEqual([]);
    expect(parseSnippet(`${S}${E}`)).toEqual([]);
    expect(parseSnippet(`a${E}b`)).toEqual([{ text: 'ab', hit: false }]);
    expect(parseSnippet(`a${S}open to the end`)).toEqual([
      { text: 'a', hit: false },
      { text: 'open to the end', hit: true },
    ]);
  });
});
