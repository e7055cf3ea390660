import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCell, normalizeName, toHalfWidth, toLookupKey } from './normalizeText.ts';

describe('toHalfWidth', () => {
  it('maps full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('１２３ＡＢＣａｂｃ')).toBe('123ABCabc');
    expect(toHalfWidth('（）－＋，．／：＠～！')).toBe('()-+,./:@~!');
    expect(toHalfWidth('a\u3000b')).toBe('a b');
  });

  it('covers exactly U+FF01–FF5E', () => {
    expect(toHalfWidth('\uFF01')).toBe('!');
    expect(toHalfWidth('\uFF5E')).toBe('~');
    expect(toHalfWidth('\uFF00')).toBe('\uFF00');
    expect(toHalfWidth('\uFF5F')).toBe('\uFF5F');
  });

  it('leaves Chinese text, CJK punctuation and the yuan sign alone', () => {
    expect(toHalfWidth('张三。、“”《》【】￥')).toBe('张三。、“”《》【】￥');
    // The full-width comma, colon and parentheses are in the block, so they do become ASCII.
    expect(toHalfWidth('甲，乙：（丙）')).toBe('甲,乙:(丙)');
    expect(toHalfWidth('')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = toHalfWidth(s);
        expect(toHalfWidth(once)).toBe(once);
      }),
    );
  });

  it('preserves length in UTF-16 units', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => toHalfWidth(s).length === s.length));
  });
});

describe('normalizeCell', () => {
  it('trims and collapses whitespace of every kind', () => {
    expect(normalizeCell('  北京市\u00A0\u00A0海淀区\t\n中关村 ')).toBe('北京市 海淀区 中关村');
    expect(normalizeCell('\u3000第一党支部\u3000')).toBe('第一党支部');
  });

  it('drops zero-width characters instead of turning them into spaces', () => {
    expect(normalizeCell('\uFEFF第一\u200B党支部\u200D')).toBe('第一党支部');
    expect(normalizeCell('a \u200B b')).toBe('a b');
  });

  it('converts full-width forms', () => {
    expect(normalizeCell('ＸＸ公司（北京）')).toBe('XX公司(北京)');
  });

  it('returns empty for blank input', () => {
    expect(normalizeCell('')).toBe('');
    expect(normalizeCell(' \u3000\u00A0\u200B ')).toBe('');
  });

  it('is idempotent and never leaves double or edge spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeCell(s);
        expect(normalizeCell(once)).toBe(once);
        expect(once).not.toMatch(/\s\s|^\s|\s$/);
      }),
    );
  });
});

describe('normalizeName', () => {
  it('removes all whitespace inside a Chinese name', () => {
    expect(normalizeName(' 张  三 ')).toBe('张三');
    expect(normalizeName('王\u3000小\u00A0明')).toBe('王小明');
  });

  it('unifies the middle dots of transliterated names', () => {
    expect(normalizeName('阿沛·阿旺晋美')).toBe('阿沛·阿旺晋美');
    expect(normalizeName('阿沛•阿旺晋美')).toBe('阿沛·阿旺晋美');
    expect(normalizeName('阿沛．阿旺晋美')).toBe('阿沛·阿旺晋美');
    expect(normalizeName('阿沛.阿旺晋美')).toBe('阿沛·阿旺晋美');
    expect(normalizeName('阿沛・阿旺晋美')).toBe('阿沛·阿旺晋美');
    expect(normalizeName('买买提 · 艾力')).toBe('买买提·艾力');
  });

  it('collapses repeated dots', () => {
    expect(normalizeName('买买提··艾力')).toBe('买买提·艾力');
  });

  it('drops zero-width characters', () => {
    expect(normalizeName('张\u200B三')).toBe('张三');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
        expect(once).not.toMatch(/\s/);
      }),
    );
  });
});

describe('toLookupKey', () => {
  it('ignores width, whitespace and case', () => {
    expect(toLookupKey(' Ｍ ')).toBe('m');
    expect(toLookupKey('汉 族')).toBe('汉族');
  });
});
