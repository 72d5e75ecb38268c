import { validateEmployeeFacts } from '../employee/domain/employee.rules';
import { validateJabatanForJenisAsn } from '@capaian/kinerja';
import { buildPalembangStructure, DEMO_POSITIONS, KECAMATAN } from './palembang-structure';
import { DEMO_EMPLOYEES, generateWorkforce, toCsv } from './workforce';
import { structureFor } from './demo-seeder';

describe('Palembang demo data', () => {
  const structure = structureFor(12_000);
  const rows = generateWorkforce(structure, { size: 12_000, today: '2026-11-01' });

  it('has the city root, the OPDs the demo users need and the 18 kecamatan', () => {
    const codes = new Set(structure.units.map((u) => u.code));
    for (const c of ['PEMKOT-PLG', 'SETDA', 'DISKOMINFO', 'BKPSDM', 'INSPEKTORAT', 'RSUD-BARI']) expect(codes).toContain(c);
    expect(structure.units.filter((u) => u.kind === 'KECAMATAN')).toHaveLength(18);
    expect(KECAMATAN.map(([, n]) => n)).toContain('Alang-Alang Lebar');
  });

  it('has unique codes and parents before children', () => {
    const seen = new Set<string>();
    for (const u of structure.units) {
      expect(seen.has(u.code)).toBe(false);
      if (u.parent) expect(seen.has(u.parent)).toBe(true);
      seen.add(u.code);
    }
    const positionCodes = structure.positions.map((p) => p.code);
    expect(new Set(positionCodes).size).toBe(positionCodes.length);
    for (const p of structure.positions) expect(seen.has(p.unit)).toBe(true);
  });

  it('generates the requested size with the six demo users in their posts', () => {
    expect(rows).toHaveLength(12_000);
    for (const d of DEMO_EMPLOYEES) expect(rows.find((r) => r.nip === d.nip)?.positionCode).toBe(d.positionCode);
    expect(rows.filter((r) => r.positionCode === DEMO_POSITIONS.siti)).toHaveLength(1);
  });

  it('generates only valid, unique people who fit their posts', () => {
    const nips = new Set(rows.map((r) => r.nip));
    expect(nips.size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.email)).size).toBe(rows.length);
    const positions = new Map(structure.positions.map((p) => [p.code, p]));
    const load = new Map<string, number>();
    for (const r of rows) {
      expect(validateEmployeeFacts(r, { referenceDate: '2026-11-28' })).toEqual([]);
      const p = positions.get(r.positionCode)!;
      expect(validateJabatanForJenisAsn(r.jenisAsn, p.jenisJabatan)).toBeNull();
      load.set(p.code, (load.get(p.code) ?? 0) + 1);
    }
    for (const [code, n] of load) expect(n).toBeLessThanOrEqual(positions.get(code)!.capacity);
    expect(rows.some((r) => r.jenisAsn === 'PPPK')).toBe(true);
  });

  it('is deterministic', () => {
    expect(generateWorkforce(structure, { size: 200, today: '2026-11-01' })).toEqual(generateWorkforce(structure, { size: 200, today: '2026-11-01' }));
  });

  it('scales for the benchmark', () => {
    const big = structureFor(100_000);
    expect(big.positions.reduce((s, p) => s + p.capacity, 0)).toBeGreaterThanOrEqual(100_000);
    expect(buildPalembangStructure(1).units.length).toBeLessThan(big.units.length);
  });

  it('writes the agencies’ CSV layout', () => {
    const csv = toCsv(DEMO_EMPLOYEES.slice(0, 1));
    expect(csv.split('\n')[0]).toBe('NIP,Nama,Jenis ASN,Tanggal Lahir,Jenis Kelamin,Golongan,Kode Jabatan,Email,TMT Jabatan');
    expect(csv.split('\n')[1]).toContain('197906012005011002,Hendra Saputra,PNS,1979-06-01,L,IV/a,BKPSDM-PKAP-KEPALA');
  });
});
