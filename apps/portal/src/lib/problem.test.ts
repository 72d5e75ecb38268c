import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './problem';

const problem = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('problem+json answers', () => {
  it('finds the message of a field, whatever the index notation', async () => {
    const e = await toApiError(problem(400, { title: 'Data yang dikirim tidak valid', code: 'VALIDASI_GAGAL', errors: [{ field: 'rhk.0.description', message: 'Tidak boleh kosong' }] }));
    expect(e.fieldError('rhk.0.description')).toBe('Tidak boleh kosong');
    expect(e.fieldError('rhk[0].description')).toBe('Tidak boleh kosong');
    expect(e.generalMessages(['rhk.0.description'])).toEqual([]);
  });
  it('keeps a message no field on screen stands for', async () => {
    const e = await toApiError(problem(422, { title: 'RHK harus diintervensi', errors: [{ field: 'status', message: 'SKP berstatus draf tidak dapat ditetapkan' }] }));
    expect(e.generalMessages(['rhk.0.description'])).toEqual(['SKP berstatus draf tidak dapat ditetapkan']);
  });
  it('says something in Bahasa Indonesia when the body is not JSON', async () => {
    const e = await toApiError(new Response('gateway', { status: 413 }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.message).toBe('Berkas terlalu besar.');
  });
});
