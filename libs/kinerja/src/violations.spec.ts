import { ViolationError, defineMessages, fillMessage, statusOfKind, throwIfAny } from './violations';

const Things = defineMessages('test-things', {
  BARANG_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Barang {ref} tidak ditemukan' },
  STOK_KURANG: { kind: 'rule', message: 'Stok {nama} tinggal {sisa}' },
  JUMLAH_TIDAK_VALID: { kind: 'invalid', message: 'Jumlah harus bilangan bulat' },
});

describe('violations', () => {
  it('maps each kind to one status', () => {
    expect(statusOfKind('too-large')).toBe(413);
    expect([statusOfKind('invalid'), statusOfKind('rule'), statusOfKind('not-found'), statusOfKind('conflict'), statusOfKind('forbidden')]).toEqual([
      400, 422, 404, 409, 403,
    ]);
  });

  it('fills placeholders and keeps the field', () => {
    expect(Things.violation('STOK_KURANG', { nama: 'Kertas', sisa: 0 }, 'jumlah')).toEqual({
      kind: 'rule',
      code: 'STOK_KURANG',
      message: 'Stok Kertas tinggal 0',
      field: 'jumlah',
    });
    expect(fillMessage('Barang {ref}', {})).toBe('Barang -');
  });

  it('summarises one violation by itself and several by their kinds', () => {
    expect(Things.error('BARANG_TIDAK_DITEMUKAN', { ref: 'X1' }).summary).toEqual({
      kind: 'not-found',
      code: 'BARANG_TIDAK_DITEMUKAN',
      message: 'Barang X1 tidak ditemukan',
    });
    const invalid = new ViolationError([Things.violation('JUMLAH_TIDAK_VALID', {}, 'a'), Things.violation('JUMLAH_TIDAK_VALID', {}, 'b')]);
    expect(invalid.summary.code).toBe('VALIDASI_GAGAL');
    expect(invalid.summary.kind).toBe('invalid');
    const mixed = new ViolationError([Things.violation('JUMLAH_TIDAK_VALID'), Things.violation('STOK_KURANG')]);
    expect(mixed.summary).toMatchObject({ kind: 'rule', code: 'ATURAN_DILANGGAR' });
  });

  it('throws only when there is something to throw', () => {
    expect(() => throwIfAny([])).not.toThrow();
    expect(() => throwIfAny([Things.violation('STOK_KURANG')])).toThrow(ViolationError);
    expect(() => new ViolationError([])).toThrow();
  });
});
