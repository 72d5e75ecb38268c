import { contentDigest, newVerificationCode, normaliseVerificationCode } from './verification';

describe('verification codes', () => {
  it('prints 16 unambiguous characters in groups of four', () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(newVerificationCode(() => new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(newVerificationCode(() => new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  });

  it('reads back what a person typed', () => {
    expect(normaliseVerificationCode('abcd efgh jkmn pqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(normaliseVerificationCode('o1il-0000-0000-0000')).toBe('0111-0000-0000-0000');
    expect(normaliseVerificationCode('ABCD-EFGH')).toBeNull();
    expect(normaliseVerificationCode('UUUU-0000-0000-0000')).toBeNull();
  });

  it('digests content independently of key order', () => {
    expect(contentDigest({ a: 1, b: [1, { c: 2, d: null }] })).toBe(contentDigest({ b: [1, { d: null, c: 2 }], a: 1 }));
    expect(contentDigest({ a: 1 })).not.toBe(contentDigest({ a: 2 }));
  });
});
