import { describe, expect, it } from 'vitest';
import { findUnsafeText, unsafeTextMessage } from './safeText.ts';

describe('findUnsafeText', () => {
  it('accepts ordinary Chinese, ASCII and astral characters (a well-formed surrogate pair)', () => {
    expect(findUnsafeText('张三 Zhang·San 𠀀 😀')).toBeNull();
  });

  it('refuses NUL, other C0/C1 controls and DEL', () => {
    for (const s of ['a\u0000b', '\u0007', 'x\u001b[0m', 'a\u007fb', '\u0085']) {
      expect(findUnsafeText(s), JSON.stringify(s)).toBe('CONTROL_CHARACTER');
      expect(findUnsafeText(s, true), JSON.stringify(s)).toBe('CONTROL_CHARACTER');
    }
  });

  it('allows tab and line breaks only in multi-line text', () => {
    expect(findUnsafeText('第一行\r\n第二行\t完')).toBe('CONTROL_CHARACTER');
    expect(findUnsafeText('第一行\r\n第二行\t完', true)).toBeNull();
  });

  it('refuses unpaired surrogates, high or low, anywhere in the text', () => {
    for (const s of ['a\ud800b', '\ud800', '\udc00', 'a\udc00\ud800', '😀\ud83d']) {
      expect(findUnsafeText(s), JSON.stringify(s)).toBe('LONE_SURROGATE');
    }
  });

  it('names the field in a Chinese message', () => {
    expect(unsafeTextMessage('姓名', 'CONTROL_CHARACTER')).toMatch(/^姓名含有/);
  });
});
