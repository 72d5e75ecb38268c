import { DEMO_NIP } from '@capaian/shared/testing';
import type { DataSource } from 'typeorm';

/**
 * The demo users of DISKOMINFO as appraisal's personnel projection holds them (`personnel_unit`,
 * `personnel_employee`, the tables `@capaian/shared/projection` keeps from personnel's events).
 * Until that library is wired into appraisal, the test writes the rows the projection would hold
 * after personnel's republish; the scratch database is recreated on every run.
 */
export async function seedPersonnelStandIn(ds: DataSource): Promise<void> {
  await ds.query(`CREATE TABLE IF NOT EXISTS personnel_unit (
    id uuid PRIMARY KEY, code text NOT NULL, name text NOT NULL, kind text NOT NULL, parent_id uuid, opd_id uuid, opd_code text,
    level smallint NOT NULL, head_position_id uuid, status text NOT NULL)`);
  await ds.query(`CREATE TABLE IF NOT EXISTS personnel_employee (
    id uuid PRIMARY KEY, nip text NOT NULL, name text, jenis_asn text, golongan text, status text,
    position_id uuid, position_name text, jenis_jabatan text, unit_head boolean, unit_id uuid, unit_code text, unit_name text,
    opd_id uuid, opd_code text, opd_name text, penilai_id uuid, penilai_nip text, penilai_name text,
    atasan_penilai_id uuid, atasan_penilai_nip text, atasan_penilai_name text)`);
  const opd = '00000000-0000-4000-8000-0000000000a1';
  const bidang = '00000000-0000-4000-8000-0000000000a2';
  await ds.query(
    `INSERT INTO personnel_unit (id, code, name, kind, parent_id, opd_id, opd_code, level, status) VALUES
      ($1, 'DISKOMINFO', 'Dinas Komunikasi dan Informatika', 'DINAS', NULL, $1, 'DISKOMINFO', 1, 'AKTIF'),
      ($2, 'DISKOMINFO-APTIKA', 'Bidang Aplikasi Informatika', 'BIDANG', $1, $1, 'DISKOMINFO', 2, 'AKTIF')
     ON CONFLICT (id) DO NOTHING`,
    [opd, bidang],
  );
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const people = [
    { id: id(1), nip: DEMO_NIP.ahmad, name: 'Ahmad Fauzi', gol: 'IV/c', pos: 'Kepala Dinas', jj: 'JPT_PRATAMA', head: true, unit: opd, penilai: null, atasan: null },
    { id: id(2), nip: DEMO_NIP.siti, name: 'Siti Rahmawati', gol: 'IV/a', pos: 'Kepala Bidang Aplikasi Informatika', jj: 'ADMINISTRATOR', head: true, unit: bidang, penilai: 1, atasan: null },
    { id: id(3), nip: DEMO_NIP.dimas, name: 'Dimas Pratama', gol: 'III/b', pos: 'Pranata Komputer Ahli Pertama', jj: 'FUNGSIONAL', head: false, unit: bidang, penilai: 2, atasan: 1 },
    { id: id(4), nip: DEMO_NIP.putri, name: 'Putri Lestari', gol: 'IX', pos: 'Pranata Komputer Ahli Pertama', jj: 'FUNGSIONAL', head: false, unit: bidang, penilai: 2, atasan: 1 },
    { id: id(5), nip: DEMO_NIP.rudi, name: 'Rudi Hartono', gol: 'III/c', pos: 'Analis Kepegawaian', jj: 'FUNGSIONAL', head: false, unit: opd, penilai: 1, atasan: null },
  ];
  for (const p of people) {
    const pen = p.penilai ? people[p.penilai - 1] : null;
    const ata = p.atasan ? people[p.atasan - 1] : null;
    await ds.query(
      `INSERT INTO personnel_employee (id, nip, name, jenis_asn, golongan, status, position_id, position_name, jenis_jabatan, unit_head, unit_id, unit_code, unit_name,
                                       opd_id, opd_code, opd_name, penilai_id, penilai_nip, penilai_name, atasan_penilai_id, atasan_penilai_nip, atasan_penilai_name)
       VALUES ($1,$2,$3,$4,$5,'AKTIF',gen_random_uuid(),$6,$7,$8,$9,$10,$11,$12,'DISKOMINFO','Dinas Komunikasi dan Informatika',$13,$14,$15,$16,$17,$18)
       ON CONFLICT (id) DO NOTHING`,
      [
        p.id, p.nip, p.name, p.nip === DEMO_NIP.putri ? 'PPPK' : 'PNS', p.gol, p.pos, p.jj, p.head, p.unit,
        p.unit === opd ? 'DISKOMINFO' : 'DISKOMINFO-APTIKA', p.unit === opd ? 'Dinas Komunikasi dan Informatika' : 'Bidang Aplikasi Informatika', opd,
        pen?.id ?? null, pen?.nip ?? null, pen?.name ?? null, ata?.id ?? null, ata?.nip ?? null, ata?.name ?? null,
      ],
    );
  }
}
