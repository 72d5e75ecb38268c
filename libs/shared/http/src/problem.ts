import { HttpException } from '@nestjs/common';

/** One invalid field, as listed in a problem's `errors`. */
export interface FieldError {
  /** Dotted path of the field, e.g. `rhk.0.indikator` or, for imports, `baris 12 / nip`. */
  field: string;
  /** Stable machine code, e.g. `NIP_TANGGAL_LAHIR_TIDAK_VALID`. */
  code: string;
  /** Message in Bahasa Indonesia. */
  message: string;
}

/** RFC 9457 problem details as Capaian sends them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  /** Stable machine-readable code; clients switch on this, never on `title`. */
  code: string;
  detail?: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://capaian.palembang.go.id/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Throw this for every expected failure: the filter turns it into problem+json with the given
 * status, code and Indonesian message. Anything else thrown becomes a logged 500.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly extras: { errors?: FieldError[]; detail?: string; [key: string]: unknown } = {},
  ) {
    super(message, status);
  }
}

/** Shorthands for the statuses used most. */
export const Problems = {
  badRequest: (code: string, message: string, errors?: FieldError[]) => new ProblemException(400, code, message, { errors }),
  notFound: (code: string, message: string) => new ProblemException(404, code, message),
  conflict: (code: string, message: string, extras?: Record<string, unknown>) => new ProblemException(409, code, message, extras),
  forbidden: (code: string, message: string) => new ProblemException(403, code, message),
  unprocessable: (code: string, message: string, errors?: FieldError[]) => new ProblemException(422, code, message, { errors }),
};

/** Default codes and Indonesian titles for errors that were not thrown as ProblemException. */
export const defaultProblemByStatus: Record<number, { code: string; title: string }> = {
  400: { code: 'PERMINTAAN_TIDAK_VALID', title: 'Permintaan tidak valid' },
  401: { code: 'TIDAK_TERAUTENTIKASI', title: 'Token akses tidak ada atau tidak valid' },
  403: { code: 'AKSES_DITOLAK', title: 'Anda tidak berhak melakukan tindakan ini' },
  404: { code: 'TIDAK_DITEMUKAN', title: 'Sumber daya tidak ditemukan' },
  405: { code: 'METODE_TIDAK_DIIZINKAN', title: 'Metode tidak diizinkan' },
  406: { code: 'FORMAT_TIDAK_DIDUKUNG', title: 'Format jawaban yang diminta tidak didukung' },
  409: { code: 'KONFLIK', title: 'Permintaan bertentangan dengan keadaan data saat ini' },
  413: { code: 'MUATAN_TERLALU_BESAR', title: 'Ukuran data yang dikirim terlalu besar' },
  415: { code: 'JENIS_KONTEN_TIDAK_DIDUKUNG', title: 'Jenis konten tidak didukung' },
  422: { code: 'TIDAK_DAPAT_DIPROSES', title: 'Data tidak dapat diproses' },
  429: { code: 'TERLALU_BANYAK_PERMINTAAN', title: 'Terlalu banyak permintaan, coba lagi nanti' },
  500: { code: 'KESALAHAN_INTERNAL', title: 'Terjadi kesalahan internal pada server' },
  502: { code: 'LAYANAN_HULU_GAGAL', title: 'Layanan tujuan tidak memberi jawaban yang benar' },
  503: { code: 'LAYANAN_TIDAK_TERSEDIA', title: 'Layanan sedang tidak tersedia' },
  504: { code: 'LAYANAN_HULU_TIMEOUT', title: 'Layanan tujuan tidak menjawab tepat waktu' },
};

export function problemFor(status: number, code?: string, title?: string, extras: Partial<ProblemDetails> = {}): ProblemDetails {
  const fallback = defaultProblemByStatus[status] ?? defaultProblemByStatus[status >= 500 ? 500 : 400];
  const finalCode = code ?? fallback.code;
  return {
    type: PROBLEM_TYPE_BASE + finalCode.toLowerCase().replace(/_/g, '-'),
    title: title ?? fallback.title,
    status,
    code: finalCode,
    ...extras,
  };
}
