import { addYears, isoDate, isPppk, isStruktural, type IsoDate, type JenisAsn, type JenisKelamin } from '@capaian/kinerja';
import { DEMO_POSITIONS, type PositionSpec, type Structure } from './palembang-structure';

/**
 * A coherent synthetic workforce for a structure: valid NIPs / NI PPPK (birth date, TMT and sex
 * consistent, unique), golongan by years of service, PNS only in structural posts, the six demo
 * users in their posts. Deterministic: the same seed and size give the same people, so loading
 * the demo data twice changes nothing.
 */
export interface WorkforceRow {
  nip: string;
  name: string;
  jenisAsn: JenisAsn;
  birthDate: IsoDate;
  sex: JenisKelamin;
  golongan: string | null;
  positionCode: string;
  email: string;
  tmtJabatan: IsoDate;
}

/** The six demo users of docs/conventions.md, with the e-mail their Keycloak accounts already have. */
export const DEMO_EMPLOYEES: WorkforceRow[] = [
  demo('197906012005011002', 'Hendra Saputra', 'PNS', 'L', 'IV/a', DEMO_POSITIONS.hendra, '2021-01-04'),
  demo('197512251998031001', 'Ahmad Fauzi', 'PNS', 'L', 'IV/c', DEMO_POSITIONS.ahmad, '2021-03-01'),
  demo('198507222010012003', 'Siti Rahmawati', 'PNS', 'P', 'IV/a', DEMO_POSITIONS.siti, '2022-01-03'),
  demo('198811102012121001', 'Rudi Hartono', 'PNS', 'L', 'III/c', DEMO_POSITIONS.rudi, '2023-01-02'),
  demo('199203152019031004', 'Dimas Pratama', 'PNS', 'L', 'III/b', DEMO_POSITIONS.dimas, '2022-07-01'),
  demo('199505052023212005', 'Putri Lestari', 'PPPK', 'P', 'IX', DEMO_POSITIONS.putri, '2023-04-01'),
];

function demo(nip: string, name: string, jenisAsn: JenisAsn, sex: JenisKelamin, golongan: string, positionCode: string, tmtJabatan: IsoDate): WorkforceRow {
  return { nip, name, jenisAsn, birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`, sex, golongan, positionCode, email: `${nip}@palembang.go.id`, tmtJabatan };
}

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MALE = ['Ahmad', 'Muhammad', 'Rizki', 'Andi', 'Budi', 'Dedi', 'Fajar', 'Hendra', 'Irfan', 'Joko', 'Rahmat', 'Yusuf', 'Agus', 'Bambang', 'Eko', 'Ferry', 'Gilang', 'Hadi', 'Imam', 'Lukman', 'Mulyadi', 'Novri', 'Rudi', 'Syahrial', 'Taufik', 'Wahyu', 'Zulkifli', 'Arief', 'Darmawan', 'Hasan', 'Ilham', 'Jefri', 'Kemas', 'Masagus', 'Reza', 'Dimas', 'Aditya', 'Bayu', 'Candra', 'Doni'];
const FEMALE = ['Siti', 'Nur', 'Dewi', 'Fitri', 'Rina', 'Sari', 'Yuni', 'Ayu', 'Desi', 'Eka', 'Indah', 'Lestari', 'Maya', 'Nova', 'Putri', 'Ratna', 'Sri', 'Tuti', 'Wulan', 'Yanti', 'Anisa', 'Diah', 'Erna', 'Fauziah', 'Hana', 'Intan', 'Juwita', 'Kartika', 'Lina', 'Mega', 'Nyimas', 'Rahma', 'Septi', 'Vivi'];
const FAMILY_M = ['Saputra', 'Pratama', 'Wijaya', 'Hidayat', 'Santoso', 'Setiawan', 'Kurniawan', 'Susanto', 'Rahman', 'Hakim', 'Syahputra', 'Ramadhan', 'Firmansyah', 'Gunawan', 'Hartono', 'Purnomo', 'Yusuf', 'Ismail', 'Zulkarnain', 'Mahmud', 'Aziz', 'Effendi', 'Nugroho', 'Siregar', 'Harahap'];
const FAMILY_F = ['Saputri', 'Pratiwi', 'Anggraini', 'Rahmawati', 'Handayani', 'Wulandari', 'Lestari', 'Sari', 'Utami', 'Fitriani', 'Maharani', 'Permata', 'Novianti', 'Puspita', 'Safitri', 'Yulianti', 'Kusuma', 'Oktaviani', 'Damayanti', 'Amelia'];

const PNS_SCALE = ['I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e'];

/** Lowest golongan a post of this kind is given to (the generator never appoints below it). */
function minimumGolongan(p: PositionSpec): number {
  switch (p.jenisJabatan) {
    case 'JPT_UTAMA':
    case 'JPT_MADYA':
    case 'JPT_PRATAMA':
      return PNS_SCALE.indexOf('IV/b');
    case 'ADMINISTRATOR':
      return PNS_SCALE.indexOf('III/d');
    case 'PENGAWAS':
      return PNS_SCALE.indexOf('III/b');
    case 'FUNGSIONAL_KEAHLIAN':
      return PNS_SCALE.indexOf(p.jenjang === 'AHLI_MADYA' ? 'IV/a' : p.jenjang === 'AHLI_MUDA' ? 'III/c' : 'III/a');
    case 'FUNGSIONAL_KETERAMPILAN':
      return PNS_SCALE.indexOf('II/b');
    default:
      return PNS_SCALE.indexOf('II/a');
  }
}

export interface WorkforceOptions {
  /** How many employees in total (the six demo users included). */
  size: number;
  seed?: number;
  /** "Today" for validity; default 2026-11-01 keeps the data stable whatever the clock says. */
  today?: IsoDate;
}

/** Where the generator put people, position by position, and whom. */
export function generateWorkforce(structure: Structure, options: WorkforceOptions): WorkforceRow[] {
  const random = prng(options.seed ?? 20261128);
  const today = options.today ?? '2026-11-01';
  const thisYear = Number(today.slice(0, 4));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const usedNips = new Set(DEMO_EMPLOYEES.map((d) => d.nip));
  const usedEmails = new Set(DEMO_EMPLOYEES.map((d) => d.email));
  const rows: WorkforceRow[] = [...DEMO_EMPLOYEES];
  const filled = new Map<string, number>();
  for (const d of DEMO_EMPLOYEES) filled.set(d.positionCode, (filled.get(d.positionCode) ?? 0) + 1);

  const person = (position: PositionSpec): WorkforceRow => {
    const structural = isStruktural(position.jenisJabatan);
    const roll = random();
    const jenisAsn: JenisAsn = structural || position.head ? 'PNS' : roll < 0.18 ? 'PPPK' : roll < 0.2 ? 'CPNS' : 'PNS';
    const sex: JenisKelamin = random() < 0.52 ? 'P' : 'L';
    const minGol = minimumGolongan(position);
    // Seniority follows the post: heads and higher grades are older.
    const seniority = structural ? int(12, 30) : position.jenjang === 'AHLI_MUDA' ? int(8, 25) : int(0, 25);
    for (;;) {
      let birthYear: number;
      let nip: string;
      let golongan: string | null;
      let tmtYear: number;
      if (jenisAsn === 'CPNS') {
        tmtYear = thisYear;
        birthYear = tmtYear - int(22, 30);
      } else if (isPppk(jenisAsn)) {
        tmtYear = int(2021, Math.min(2025, thisYear));
        birthYear = tmtYear - int(24, 45);
      } else {
        tmtYear = Math.max(1990, thisYear - 1 - seniority);
        birthYear = tmtYear - int(21, 30);
      }
      const month = int(1, 12);
      const day = int(1, 28);
      const birth = isoDate(birthYear, month, day);
      const sexDigit = sex === 'L' ? '1' : '2';
      const seq = String(int(1, 999)).padStart(3, '0');
      if (isPppk(jenisAsn)) {
        nip = `${birth.replace(/-/g, '')}${tmtYear}21${sexDigit}${seq}`;
        golongan = position.jenisJabatan === 'PELAKSANA' ? pick(['V', 'VII', 'IX']) : position.jenjang === 'AHLI_MUDA' ? 'X' : position.jenisJabatan === 'FUNGSIONAL_KETERAMPILAN' ? 'VII' : 'IX';
      } else {
        const tmtMonth = jenisAsn === 'CPNS' ? 1 : int(1, 12);
        const tmt = isoDate(tmtYear, tmtMonth, 1);
        if (tmt < addYears(birth, 19)) continue;
        nip = `${birth.replace(/-/g, '')}${String(tmtYear)}${String(tmtMonth).padStart(2, '0')}${sexDigit}${seq}`;
        const entry = random() < 0.7 ? PNS_SCALE.indexOf('III/a') : PNS_SCALE.indexOf('II/a');
        const years = thisYear - tmtYear;
        const rank = jenisAsn === 'CPNS' ? entry : Math.min(PNS_SCALE.length - 1, Math.max(minGol, entry + Math.floor(years / 4)));
        golongan = PNS_SCALE[Math.min(rank, jenisAsn === 'CPNS' ? PNS_SCALE.indexOf('III/a') : PNS_SCALE.length - 1)];
      }
      if (usedNips.has(nip)) continue;
      usedNips.add(nip);
      const first = pick(sex === 'L' ? MALE : FEMALE);
      const family = pick(sex === 'L' ? FAMILY_M : FAMILY_F);
      const name = `${first} ${family}`;
      let email = `${first}.${family}`.toLowerCase().replace(/[^a-z.]/g, '');
      for (let n = 2; usedEmails.has(`${email}@palembang.go.id`); n++) email = `${first}.${family}${n}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
      usedEmails.add(`${email}@palembang.go.id`);
      const tmtJabatan = isoDate(Math.max(tmtYear, thisYear - int(0, 6)), int(1, 12), 1);
      return { nip, name, jenisAsn, birthDate: birth, sex, golongan, positionCode: position.code, email: `${email}@palembang.go.id`, tmtJabatan: tmtJabatan > today ? today : tmtJabatan };
    }
  };

  // Heads first (a few left vacant to show how reporting walks past a vacancy), then the rest spread
  // evenly over all other posts so that every unit has people.
  const heads = structure.positions.filter((p) => p.head);
  let headIndex = 0;
  for (const p of heads) {
    if ((filled.get(p.code) ?? 0) >= p.capacity) continue;
    headIndex++;
    if (headIndex % 29 === 0 && !p.reportsTo && p.code.split('-').length > 2) continue;
    if (rows.length >= options.size) break;
    rows.push(person(p));
    filled.set(p.code, 1);
  }
  const others = structure.positions.filter((p) => !p.head);
  const free = others.reduce((s, p) => s + p.capacity - (filled.get(p.code) ?? 0), 0);
  const ratio = Math.min(1, Math.max(0, options.size - rows.length) / Math.max(1, free));
  let carry = 0;
  for (const p of others) {
    const room = p.capacity - (filled.get(p.code) ?? 0);
    carry += room * ratio;
    const n = Math.min(room, Math.floor(carry));
    carry -= n;
    for (let i = 0; i < n && rows.length < options.size; i++) rows.push(person(p));
    filled.set(p.code, (filled.get(p.code) ?? 0) + n);
  }
  // Rounding leaves a few short: top up wherever there is room, in the same order.
  for (const p of others) {
    while (rows.length < options.size && (filled.get(p.code) ?? 0) < p.capacity) {
      rows.push(person(p));
      filled.set(p.code, (filled.get(p.code) ?? 0) + 1);
    }
    if (rows.length >= options.size) break;
  }
  return rows;
}

/** Capacity the structure offers; used to pick a scale factor for a requested size. */
export function structureCapacity(structure: Structure): number {
  return structure.positions.reduce((s, p) => s + p.capacity, 0);
}

/** CSV (comma-separated, quoted where needed) in the column layout agencies use, with a header. */
export function toCsv(rows: readonly WorkforceRow[]): string {
  const q = (v: string | null) => (v === null ? '' : /[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['NIP,Nama,Jenis ASN,Tanggal Lahir,Jenis Kelamin,Golongan,Kode Jabatan,Email,TMT Jabatan'];
  for (const r of rows) lines.push([r.nip, r.name, r.jenisAsn, r.birthDate, r.sex, r.golongan, r.positionCode, r.email, r.tmtJabatan].map(q).join(','));
  return lines.join('\n') + '\n';
}
