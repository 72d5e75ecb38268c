/** Scores are 1 (poor) to 5 (excellent). */
export interface ParticipantFeedback {
  content: number;
  facilitator: number;
  organisation: number;
}

export interface FollowUp {
  /** How far the participant applies what was learned at work, 1–5. */
  application: number;
}

export interface Scorecard {
  responses: number;
  followUps: number;
  content: number | null;
  facilitator: number | null;
  organisation: number | null;
  application: number | null;
  /** Mean of the participants' average and the follow-up average (whichever exist), two decimals. */
  overall: number | null;
}

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100);

/** A partner's scorecard from its participants' feedback and the supervisors' follow-ups. */
export function scorecard(feedback: readonly ParticipantFeedback[], followUps: readonly FollowUp[]): Scorecard {
  const content = mean(feedback.map((f) => f.content));
  const facilitator = mean(feedback.map((f) => f.facilitator));
  const organisation = mean(feedback.map((f) => f.organisation));
  const application = mean(followUps.map((f) => f.application));
  const participant = mean(feedback.map((f) => (f.content + f.facilitator + f.organisation) / 3));
  const parts = [participant, application].filter((x): x is number => x !== null);
  return { responses: feedback.length, followUps: followUps.length, content, facilitator, organisation, application, overall: mean(parts) };
}

/** The follow-up on application at work is asked some months after the session ends. */
export const FOLLOW_UP_AFTER_MONTHS = 3;

export function followUpOpensOn(sessionEnd: string, months = FOLLOW_UP_AFTER_MONTHS): string {
  const [y, m, d] = sessionEnd.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
