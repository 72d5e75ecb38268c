import { messageDefects } from '@capaian/kinerja';
import { IMPORT_FAILED_TEXT } from '../import.messages';
import type { ImportRow } from './import-row';
import { planImport, type PlanContext, type PositionFacts, type StoredEmployee } from './import-plan';

const today = '2026-06-15';

const position = (code: string, over: Partial<PositionFacts> = {}): PositionFacts => ({
  id: `pos-${code}`,
  code,
  unitId: 'unit-1',
  opdId: 'opd-1',
  opdCode: 'DISKOMINFO',
  status: 'AKTIF',
  capacity: 5,
  jenisJabatan: 'FUNGSIONAL_KEAHLIAN',
  firstValid: '2024-01-01',
  occupied: 0,
  ...over,
});

const row = (n: number, over: Partial<ImportRow> = {}): ImportRow => ({
  row: n,
  nip: `19900101201503101${n}`,
  name: `Pegawai ${n}`,
  jenisAsn: 'PNS',
  birthDate: '1990-01-01',
  sex: 'L',
  golongan: 'III/b',
  positionCode: 'JF1',
  email: null,
  tmtJabatan: null,
  status: 'AKTIF',
  ...over,
});

const stored = (r: ImportRow, over: Partial<StoredEmployee> = {}): StoredEmployee => ({
  id: `emp-${r.row}`,
  nip: r.nip,
  name: r.name,
  email: r.email,
  jenisAsn: r.jenisAsn,
  golongan: r.golongan,
  positionId: `pos-${r.positionCode}`,
  status: 'AKTIF',
  tmtJabatan: null,
  validFrom: '2025-01-01',
  opdCode: 'DISKOMINFO',
  ...over,
});

function context(positions: PositionFacts[], employees: StoredEmployee[] = [], scope: string | null = null): PlanContext {
  let n = 0;
  return {
    positions: new Map(positions.map((p) => [p.code, p])),
    employees: new Map(employees.map((e) => [e.nip, e])),
    scope,
    today,
    newId: () => `new-${++n}`,
  };
}

const codes = (plan: ReturnType<typeof planImport>) => plan.errors.map((e) => `${e.row}:${e.column}:${e.code}`);

describe('import plan', () => {
  it('creates new employees, from their TMT but never before the position existed nor after today', () => {
    const plan = planImport(
      [row(2, { tmtJabatan: '2020-05-01' }), row(3, { tmtJabatan: '2030-01-01' }), row(4, { tmtJabatan: '2025-03-01' })],
      context([position('JF1')]),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.creates.map((c) => [c.id, c.effectiveDate])).toEqual([
      ['new-1', '2024-01-01'],
      ['new-2', today],
      ['new-3', '2025-03-01'],
    ]);
    expect(plan.arrivals.get('pos-JF1')).toBe(3);
  });

  it('reports every problem by row and column, sorted, instead of stopping at the first', () => {
    const a = row(2);
    const plan = planImport(
      [a, row(3, { nip: a.nip }), row(4, { positionCode: 'NONE' }), row(5, { positionCode: 'CLOSED' }), row(6, { jenisAsn: 'CPNS', positionCode: 'KABID' })],
      context([position('JF1'), position('CLOSED', { status: 'DITUTUP' }), position('KABID', { jenisJabatan: 'ADMINISTRATOR' })]),
    );
    expect(codes(plan)).toEqual(['3:NIP:NIP_GANDA_DALAM_BERKAS', '4:Kode Jabatan:JABATAN_TIDAK_DITEMUKAN', '5:Kode Jabatan:JABATAN_SUDAH_DITUTUP', '6:Kode Jabatan:JABATAN_TIDAK_UNTUK_CPNS']);
    expect(plan.errors[0]).toMatchObject({ kind: 'invalid', field: 'baris 3 / NIP', message: `NIP ${a.nip} sudah ada di baris 2` });
  });

  it('applies the capacity (formasi) after the whole file, counting who leaves a position', () => {
    const mover = row(2, { positionCode: 'JF2' });
    const plan = planImport(
      [mover, row(3), row(4)],
      context([position('JF1', { capacity: 2, occupied: 1 }), position('JF2', { capacity: 1, occupied: 1 })], [stored(mover, { positionId: 'pos-JF1' })]),
    );
    // The mover frees a seat in JF1 (1 - 1 + 2 new = 2) but fills JF2, already full.
    expect(codes(plan)).toEqual(['2:Kode Jabatan:JABATAN_PENUH']);
  });

  it('nets arrivals and departures for the re-check under lock', () => {
    const mover = row(2, { positionCode: 'JF2' });
    const plan = planImport([mover], context([position('JF1'), position('JF2')], [stored(mover, { positionId: 'pos-JF1' })]));
    expect(plan.errors).toEqual([]);
    expect(Object.fromEntries(plan.arrivals)).toEqual({ 'pos-JF2': 1, 'pos-JF1': -1 });
  });

  it('updates only what changed; an identical row changes nothing', () => {
    const same = row(2);
    const renamed = row(3);
    const plan = planImport([same, { ...renamed, name: 'Nama Baru', golongan: 'III/c' }], context([position('JF1')], [stored(same), stored(renamed)]));
    expect(plan.unchanged).toBe(1);
    expect(plan.updates).toEqual([{ id: 'emp-3', effectiveDate: today, name: 'Nama Baru', golongan: { from: 'III/b', to: 'III/c' } }]);
  });

  it('uses the promotion, jenis ASN and status rules of the single-employee use cases', () => {
    const down = row(2);
    const pppk = row(3);
    const left = row(4);
    const plan = planImport(
      [{ ...down, golongan: 'III/a' }, { ...pppk, jenisAsn: 'CPNS' }, left],
      context([position('JF1')], [stored(down), stored(pppk, { jenisAsn: 'PNS' }), stored(left, { status: 'PENSIUN' })]),
    );
    expect(codes(plan)).toEqual(['2:Golongan:GOLONGAN_TIDAK_NAIK', '3:Jenis ASN:PERUBAHAN_JENIS_ASN_TIDAK_DIIZINKAN', '4:NIP:PEGAWAI_SUDAH_BERHENTI']);
  });

  it('places a transfer from its TMT, refused in the future or before the last change', () => {
    const a = row(2, { positionCode: 'JF2', tmtJabatan: '2025-06-01' });
    const b = row(3, { positionCode: 'JF2', tmtJabatan: '2024-06-01' });
    const plan = planImport([a, b], context([position('JF1'), position('JF2')], [stored(a, { positionId: 'pos-JF1' }), stored(b, { positionId: 'pos-JF1' })]));
    expect(codes(plan)).toEqual(['3:TMT Jabatan:TANGGAL_BERLAKU_SEBELUM_PERUBAHAN_TERAKHIR']);
    expect(plan.updates[0]).toMatchObject({ tmtJabatan: '2025-06-01', position: { positionId: 'pos-JF2', effectiveDate: '2025-06-01' } });
    const future = planImport([{ ...a, tmtJabatan: '2027-01-01' }], context([position('JF1'), position('JF2')], [stored(a, { positionId: 'pos-JF1' })]));
    expect(codes(future)).toEqual(['2:TMT Jabatan:TANGGAL_BERLAKU_DI_MASA_DEPAN']);
  });

  it('keeps an OPD admin inside their OPD, for positions and for people', () => {
    const elsewhere = row(2);
    const plan = planImport(
      [row(3, { positionCode: 'BKPSDM-JF' }), elsewhere],
      context([position('JF1'), position('BKPSDM-JF', { opdCode: 'BKPSDM' })], [stored(elsewhere, { opdCode: 'BKPSDM' })], 'DISKOMINFO'),
    );
    expect(codes(plan)).toEqual(['2:NIP:IMPOR_DI_LUAR_OPD', '3:Kode Jabatan:IMPOR_DI_LUAR_OPD']);
  });
});

describe('import texts outside the catalogue', () => {
  it('words the failure of a job without identifiers', () => {
    expect(messageDefects(IMPORT_FAILED_TEXT)).toEqual([]);
  });
});
