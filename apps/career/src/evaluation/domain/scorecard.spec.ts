import { followUpOpensOn, scorecard } from './scorecard';

describe('partner scorecard', () => {
  it('averages participant feedback and supervisor follow-ups', () => {
    const card = scorecard(
      [
        { content: 5, facilitator: 4, organisation: 3 },
        { content: 4, facilitator: 4, organisation: 4 },
      ],
      [{ application: 3 }],
    );
    expect(card).toEqual({ responses: 2, followUps: 1, content: 4.5, facilitator: 4, organisation: 3.5, application: 3, overall: 3.5 });
  });

  it('is empty without responses', () => {
    expect(scorecard([], [])).toEqual({ responses: 0, followUps: 0, content: null, facilitator: null, organisation: null, application: null, overall: null });
  });

  it('opens the follow-up three months after the session, clamped to the month end', () => {
    expect(followUpOpensOn('2026-05-08')).toBe('2026-08-08');
    expect(followUpOpensOn('2026-11-30')).toBe('2027-02-28');
  });
});
