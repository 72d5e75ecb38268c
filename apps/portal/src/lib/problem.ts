/** An `application/problem+json` answer of the API, as the portal shows it. */
export interface Problem {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: { field?: string; code?: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `Permintaan gagal (${problem.status})`);
  }

  /** The message for one field (`rhk[0].description` also matches the form's `rhk.0.description`). */
  fieldError(field: string): string | undefined {
    const norm = (f: string) => f.replace(/\[(\d+)\]/g, '.$1');
    return this.problem.errors?.find((e) => e.field && norm(e.field) === norm(field))?.message;
  }

  /** Messages not tied to a field the form shows. */
  generalMessages(knownFields: string[] = []): string[] {
    const norm = (f: string) => f.replace(/\[(\d+)\]/g, '.$1');
    const known = new Set(knownFields.map(norm));
    const fieldMessages = (this.problem.errors ?? []).filter((e) => !e.field || !known.has(norm(e.field))).map((e) => e.message);
    if (fieldMessages.length) return fieldMessages;
    return (this.problem.errors ?? []).some((e) => e.field && known.has(norm(e.field))) ? [] : [this.message];
  }
}

/** `parsed`: the body when the caller has read it already (openapi-fetch reads error bodies itself). */
export async function toApiError(response: Response, parsed?: unknown): Promise<ApiError> {
  let body: Partial<Problem> = parsed && typeof parsed === 'object' ? (parsed as Partial<Problem>) : {};
  if (parsed === undefined && !response.bodyUsed) {
    try {
      body = (await response.json()) as Partial<Problem>;
    } catch {
      /* not JSON: keep the status only */
    }
  }
  const fallback: Record<number, string> = {
    401: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
    403: 'Anda tidak memiliki akses untuk tindakan ini.',
    404: 'Data tidak ditemukan.',
    413: 'Berkas terlalu besar.',
    429: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
  };
  return new ApiError({
    status: response.status,
    code: body.code,
    title: body.title ?? fallback[response.status] ?? 'Terjadi kesalahan pada server. Coba lagi nanti.',
    detail: body.detail,
    errors: Array.isArray(body.errors) ? body.errors : undefined,
  });
}
