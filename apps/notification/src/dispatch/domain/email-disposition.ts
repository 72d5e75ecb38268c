/**
 * Whether a notice also goes out by e-mail, now or in the daily digest:
 * - no address in the directory → no mail (the inbox still has it);
 * - an optional category the person switched off → no mail;
 * - an optional notice when the person already got `digestThreshold` mails today → held for the
 *   daily digest (a flood becomes one mail); mandatory notices are never held back.
 */
export type EmailDisposition = 'send' | 'digest' | 'no-address' | 'switched-off';

export function emailDisposition(input: {
  mandatory: boolean;
  address: string | null;
  emailPreference: boolean | null;
  mailsToday: number;
  digestThreshold: number;
}): EmailDisposition {
  if (!input.address) return 'no-address';
  if (input.mandatory) return 'send';
  if (input.emailPreference === false) return 'switched-off';
  return input.mailsToday >= input.digestThreshold ? 'digest' : 'send';
}
