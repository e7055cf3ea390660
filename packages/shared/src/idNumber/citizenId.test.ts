import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../date/isoDate.ts';
import {
  CITIZEN_ID_ERROR_MESSAGES,
  computeCheckChar,
  normalizeCitizenId,
  parseCitizenId,
} from './citizenId.ts';

const TODAY = '2025-06-30';
// Published GB 11643-1999 example (Appendix, 北京市朝阳区): 11010519491231002X.
const SAMPLE = '11010519491231002X';

function withCheck(first17: string): string {
  return first17 + computeCheckChar(first17);
}

describe('computeCheckChar', () => {
  it('matches the worked example of GB 11643-1999', () => {
    expect(computeCheckChar('11010519491231002')).toBe('X');
    // 440524188001010014 is the standard's second example.
    expect(computeCheckChar('44052418800101001')).toBe('4');
  });

  it('produces every check character', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq += 1)
      seen.add(computeCheckChar(`1101051990010${String(seq).padStart(4, '0')}`));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('throws on anything but 17 digits', () => {
    expect(() => computeCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => computeCheckChar('110105194912310021')).toThrow(RangeError);
    expect(() => computeCheckChar('1101051949123100X')).toThrow(RangeError);
    expect(() => computeCheckChar('')).toThrow(RangeError);
  });
});

describe('normalizeCitizenId', () => {
  it('strips whitespace, converts full width and upper-cases x', () => {
    expect(normalizeCitizenId(' 110105 19491231 002x ')).toBe(SAMPLE);
    expect(normalizeCitizenId('１１０１０５１９４９１２３１００２ｘ')).toBe(SAMPLE);
    expect(normalizeCitizenId('\u200B11010519491231002X\u3000')).toBe(SAMPLE);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => normalizeCitizenId(normalizeCitizenId(s)) === normalizeCitizenId(s)),
    );
  });
});

describe('parseCitizenId', () => {
  it('returns the parts of a valid ID', () => {
    expect(parseCitizenId(SAMPLE, TODAY)).toEqual({
      ok: true,
      value: { id: SAMPLE, areaCode: '110105', birthDate: '1949-12-31', gender: 'female', checkChar: 'X' },
    });
    expect(parseCitizenId('440524188001010014', '2025-01-01')).toMatchObject({
      ok: false,
      code: 'ID_BIRTHDATE',
    });
  });

  it('reads gender from the 17th digit', () => {
    expect(parseCitizenId(withCheck('11010519900101001'), TODAY)).toMatchObject({
      ok: true,
      value: { gender: 'male' },
    });
    expect(parseCitizenId(withCheck('11010519900101002'), TODAY)).toMatchObject({
      ok: true,
      value: { gender: 'female' },
    });
  });

  it('normalizes before checking', () => {
    expect(parseCitizenId(' 110105 19491231 002x', TODAY)).toMatchObject({ ok: true, value: { id: SAMPLE } });
  });

  it('reports an empty value', () => {
    for (const raw of ['', '   ', '\u3000']) {
      expect(parseCitizenId(raw, TODAY)).toEqual({
        ok: false,
        code: 'ID_EMPTY',
        message: CITIZEN_ID_ERROR_MESSAGES.ID_EMPTY,
      });
    }
  });

  it.each([
    ['11010519491231002'],
    ['11010519491231002XX'],
    ['110105194912310'],
    ['1101051949123100X2'],
    ['11010519491231002Y'],
    ['11010519491231-002X'],
    ['A1010519491231002X'],
  ])('reports the format of %j', (raw) => {
    expect(parseCitizenId(raw, TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' });
  });

  it.each([
    ['impossible day', '11010519490230002'],
    ['month 13', '11010519491301002'],
    ['day 00', '11010519491200002'],
    ['before 1900', '11010518991231002'],
    ['after today', '11010520250701002'],
  ])('reports a birth date that is an %s', (_label, first17) => {
    expect(parseCitizenId(withCheck(first17), TODAY)).toEqual({
      ok: false,
      code: 'ID_BIRTHDATE',
      message: CITIZEN_ID_ERROR_MESSAGES.ID_BIRTHDATE,
    });
  });

  it('accepts the boundary birth dates 1900-01-01 and today', () => {
    expect(parseCitizenId(withCheck('11010519000101001'), TODAY)).toMatchObject({ ok: true });
    expect(parseCitizenId(withCheck('11010520250630001'), TODAY)).toMatchObject({ ok: true });
    expect(parseCitizenId(withCheck('11010520000229001'), TODAY)).toMatchObject({
      ok: true,
      value: { birthDate: '2000-02-29' },
    });
  });

  it('defaults today to the current date in Shanghai', () => {
    expect(parseCitizenId(withCheck('11010520990101001'))).toMatchObject({ ok: false, code: 'ID_BIRTHDATE' });
    expect(parseCitizenId(SAMPLE)).toMatchObject({ ok: true });
  });

  it('reports a wrong check character', () => {
    expect(parseCitizenId('110105194912310021', TODAY)).toEqual({
      ok: false,
      code: 'ID_CHECKSUM',
      message: '公民身份号码校验位错误',
    });
  });

  it('throws when `today` is not an ISO date', () => {
    expect(() => parseCitizenId(SAMPLE, '2025/06/30')).toThrow(RangeError);
  });

  const bodyArb = fc
    .record({
      area: fc.stringMatching(/^\d{6}$/),
      birth: fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date(`${TODAY}T00:00:00Z`),
        noInvalidDate: true,
      }),
      sequence: fc.stringMatching(/^\d{3}$/),
    })
    .map(({ area, birth, sequence }) => {
      const birthDate = formatDate(birth);
      return { first17: `${area}${birthDate.replaceAll('-', '')}${sequence}`, birthDate, sequence };
    });

  it('accepts every ID built with computeCheckChar, with its birth date and gender', () => {
    fc.assert(
      fc.property(bodyArb, ({ first17, birthDate, sequence }) => {
        const result = parseCitizenId(withCheck(first17), TODAY);
        expect(result).toEqual({
          ok: true,
          value: {
            id: withCheck(first17),
            areaCode: first17.slice(0, 6),
            birthDate,
            gender: Number(sequence.charAt(2)) % 2 === 1 ? 'male' : 'female',
            checkChar: computeCheckChar(first17),
          },
        });
      }),
    );
  });

  it('rejects every single-character change of a valid ID', () => {
    fc.assert(
      fc.property(bodyArb, fc.nat(17), fc.integer({ min: 1, max: 10 }), ({ first17 }, position, shift) => {
        const id = withCheck(first17);
        // The check position also admits X, so it cycles through 11 characters.
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(id.charAt(position));
        const replacement = alphabet.charAt(
          (current + (shift % (alphabet.length - 1)) + 1) % alphabet.length,
        );
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(changed).not.toBe(id);
        expect(parseCitizenId(changed, TODAY).ok).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const result = parseCitizenId(raw, TODAY);
        if (!result.ok) expect(result.message).toBe(CITIZEN_ID_ERROR_MESSAGES[result.code]);
      }),
    );
  });
});
