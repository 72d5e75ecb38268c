import { ProblemException } from '@capaian/shared/http';

/** Stable machine codes of authentication and authorization failures. */
export const AuthProblemCodes = {
  missing: 'TOKEN_TIDAK_ADA',
  invalid: 'TOKEN_TIDAK_VALID',
  expired: 'TOKEN_KEDALUWARSA',
  notYetValid: 'TOKEN_BELUM_BERLAKU',
  forbidden: 'PERAN_TIDAK_MEMADAI',
  identityProviderUnavailable: 'LAYANAN_IDENTITAS_TIDAK_TERSEDIA',
} as const;

/**
 * Why a token was refused, as a second machine code (`reason` in the problem body): clients and
 * tests can tell the checks apart without parsing the Indonesian text.
 */
export type TokenRejectionReason =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'exp_missing'
  | 'expired'
  | 'not_yet_valid'
  | 'type'
  | 'issuer'
  | 'audience'
  | 'stale'
  | 'signature'
  | 'key_unknown'
  | 'subject_missing';

const details: Record<TokenRejectionReason, string> = {
  missing: 'Kirim token akses pada header Authorization: Bearer <token>',
  malformed: 'Format token tidak dikenali (bukan JWT yang utuh)',
  algorithm: 'Algoritma tanda tangan token tidak diizinkan (hanya RS256)',
  exp_missing: 'Token tidak memiliki waktu kedaluwarsa (exp)',
  expired: 'Masa berlaku token sudah habis; minta token baru',
  not_yet_valid: 'Token belum berlaku (nbf di masa depan)',
  type: 'Jenis token bukan token akses (Bearer)',
  issuer: 'Penerbit token (iss) tidak dikenal',
  audience: 'Token tidak ditujukan untuk API Capaian (aud)',
  stale: 'Token diterbitkan sebelum batas waktu yang ditetapkan Keycloak',
  signature: 'Tanda tangan token tidak valid',
  key_unknown: 'Kunci penanda tangan token (kid) tidak dikenal',
  subject_missing: 'Token tidak memiliki subjek (sub)',
};

/** A 401 problem for a refused token. */
export function tokenRejected(reason: TokenRejectionReason): ProblemException {
  if (reason === 'missing') {
    return new ProblemException(401, AuthProblemCodes.missing, 'Token akses tidak ada', { detail: details.missing, reason });
  }
  if (reason === 'expired') {
    return new ProblemException(401, AuthProblemCodes.expired, 'Token akses sudah kedaluwarsa', { detail: details.expired, reason });
  }
  if (reason === 'not_yet_valid') {
    return new ProblemException(401, AuthProblemCodes.notYetValid, 'Token akses belum berlaku', { detail: details.not_yet_valid, reason });
  }
  return new ProblemException(401, AuthProblemCodes.invalid, 'Token akses tidak valid', { detail: details[reason], reason });
}

/** 503: the signing keys could not be fetched, so no token with a new key can be checked. */
export function identityProviderUnavailable(): ProblemException {
  return new ProblemException(503, AuthProblemCodes.identityProviderUnavailable, 'Layanan identitas sedang tidak dapat dihubungi', {
    detail: 'Kunci penanda tangan token dari Keycloak tidak dapat diambil; coba lagi sebentar lagi',
  });
}

/** 403: authenticated, but none of the roles the endpoint needs. */
export function insufficientRole(required: readonly string[]): ProblemException {
  return new ProblemException(403, AuthProblemCodes.forbidden, 'Peran Anda tidak memadai untuk tindakan ini', {
    detail: `Dibutuhkan salah satu peran: ${required.join(', ')}`,
    requiredRoles: [...required],
  });
}

/** RFC 6750 challenge sent with every 401. */
export function bearerChallenge(realm: string, problem: ProblemException): string {
  if (problem.code === AuthProblemCodes.missing) return `Bearer realm="${realm}"`;
  return `Bearer realm="${realm}", error="invalid_token"`;
}
