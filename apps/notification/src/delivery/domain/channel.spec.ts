import { isPermanentSmtpFailure } from './channel';

describe('isPermanentSmtpFailure', () => {
  it('treats a refused recipient (5xx) as permanent', () => {
    expect(isPermanentSmtpFailure({ code: 'EENVELOPE', responseCode: 501 })).toBe(true);
    expect(isPermanentSmtpFailure({ code: 'EENVELOPE', responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpFailure({ code: 'EMESSAGE', responseCode: 552 })).toBe(true);
  });
  it('retries when the server is down, slow or says "try later" (4xx)', () => {
    expect(isPermanentSmtpFailure({ code: 'ECONNECTION' })).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'ETIMEDOUT' })).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'EENVELOPE', responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'EPROTOCOL', responseCode: 421 })).toBe(false);
  });
});
