import { emailDisposition } from './email-disposition';

const base = { mandatory: false, address: 'siti@palembang.go.id', emailPreference: null, mailsToday: 0, digestThreshold: 5 };

describe('emailDisposition', () => {
  it('sends an optional notice by default', () => expect(emailDisposition(base)).toBe('send'));
  it('respects an optional category switched off', () => expect(emailDisposition({ ...base, emailPreference: false })).toBe('switched-off'));
  it('holds optional notices for the digest once the day has had enough mails', () => {
    expect(emailDisposition({ ...base, mailsToday: 4 })).toBe('send');
    expect(emailDisposition({ ...base, mailsToday: 5 })).toBe('digest');
  });
  it('always sends a mandatory notice, whatever the preference or the count', () => {
    expect(emailDisposition({ ...base, mandatory: true, emailPreference: false, mailsToday: 99 })).toBe('send');
  });
  it('sends nothing without an address', () => expect(emailDisposition({ ...base, mandatory: true, address: null })).toBe('no-address'));
});
