import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { ViolationError } from '@capaian/kinerja';
import { FILE_KINDS, kindsByName, normaliseContentType } from './domain/file-kinds';
import { checkDeclared, safeFileName, type UploadPolicy } from './domain/upload-policy';
import { storeUpload } from './guarded-upload';
import { InMemoryObjectStore } from './in-memory-object-store';
import { attachmentHeaders } from './attachment';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0]);
const policy: UploadPolicy = { maxBytes: 1024, allowed: kindsByName(['pdf', 'png', 'docx']) };

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    expect(e).toBeInstanceOf(ViolationError);
    return (e as ViolationError).violations[0].code;
  }
};

describe('upload policy', () => {
  it('accepts only declared types that are allowed, whatever their spelling', () => {
    expect(normaliseContentType('Application/PDF; charset=binary')).toBe('application/pdf');
    expect('kind' in checkDeclared(policy, 'application/pdf')).toBe(true);
    expect(checkDeclared(policy, 'text/html')).toMatchObject({ violation: { code: 'JENIS_BERKAS_DITOLAK', kind: 'invalid' } });
    expect(checkDeclared(policy, undefined)).toMatchObject({ violation: { code: 'JENIS_BERKAS_DITOLAK' } });
    expect(checkDeclared(policy, 'application/pdf', 2048)).toMatchObject({ violation: { code: 'BERKAS_TERLALU_BESAR', message: 'Berkas lebih besar dari batas 1 KB' } });
    expect(checkDeclared(policy, 'application/pdf', 0)).toMatchObject({ violation: { code: 'BERKAS_KOSONG' } });
  });

  it('knows every kind by its first bytes', () => {
    expect(FILE_KINDS.find((k) => k.name === 'pdf')!.matches(PDF)).toBe(true);
    expect(FILE_KINDS.find((k) => k.name === 'png')!.matches(PNG)).toBe(true);
    expect(FILE_KINDS.find((k) => k.name === 'pdf')!.matches(PNG)).toBe(false);
  });

  it('stores a checked file with its size and hash', async () => {
    const store = new InMemoryObjectStore();
    const stored = await storeUpload(store, { key: 'a/1', body: Readable.from([PDF.subarray(0, 3), PDF.subarray(3)]), contentType: 'application/pdf', policy });
    expect(stored).toEqual({ key: 'a/1', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex'), contentType: 'application/pdf' });
    expect(store.objects.get('a/1')!.bytes.equals(PDF)).toBe(true);
  });

  it('refuses bytes that do not match the declared type, an oversize or empty file, and keeps nothing', async () => {
    const store = new InMemoryObjectStore();
    expect(await codeOf(storeUpload(store, { key: 'b/1', body: Readable.from([PNG]), contentType: 'application/pdf', policy }))).toBe('ISI_BERKAS_TIDAK_SESUAI');
    const big = Buffer.concat([PDF, Buffer.alloc(2000, 0x20)]);
    expect(await codeOf(storeUpload(store, { key: 'b/2', body: Readable.from([big]), contentType: 'application/pdf', policy }))).toBe('BERKAS_TERLALU_BESAR');
    expect(await codeOf(storeUpload(store, { key: 'b/3', body: Readable.from([]), contentType: 'application/pdf', policy }))).toBe('BERKAS_KOSONG');
    expect(await codeOf(storeUpload(store, { key: 'b/4', body: Readable.from([PDF]), contentType: 'image/svg+xml', policy }))).toBe('JENIS_BERKAS_DITOLAK');
    expect(await store.list('b/')).toEqual([]);
  });

  it('keeps a safe file name and serves files only as attachments', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\x\\laporan "akhir".pdf')).toBe('laporan akhir.pdf');
    expect(safeFileName('a\u0000b\ud800.pdf')).toBe('ab.pdf');
    expect(safeFileName('', FILE_KINDS[0])).toBe('berkas.pdf');
    const h = attachmentHeaders('Laporan Triwulan I — 2026.pdf', 'application/pdf', 10);
    expect(h['content-disposition']).toBe(`attachment; filename="Laporan Triwulan I _ 2026.pdf"; filename*=UTF-8''Laporan%20Triwulan%20I%20%E2%80%94%202026.pdf`);
    expect(h['x-content-type-options']).toBe('nosniff');
  });
});
