// Shapes of the answers the screens read. The services' OpenAPI documents describe the requests
// (generated into schema.d.ts) but not yet these responses, so they are written down here.
import type { components } from './schema';

export type CreateSkp = components['schemas']['CreateSkpDto'];
export type SkpStatus = 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DITETAPKAN' | 'DIGANTI' | 'DITUTUP';

export interface Indicator {
  id: string;
  description: string;
  aspek: 'KUANTITAS' | 'KUALITAS' | 'WAKTU' | 'BIAYA';
  target: number | null;
  unit: string | null;
  direction: 'NAIK' | 'TURUN';
  evidenceRequired: boolean;
}
export interface Rhk {
  id: string;
  kind: 'UTAMA' | 'TAMBAHAN';
  description: string;
  parentRhkId: string | null;
  indicators: Indicator[];
}
export interface Skp {
  id: string;
  lineageId: string;
  version: number;
  year: number;
  startDate: string;
  endDate: string;
  status: SkpStatus;
  pendekatan: 'KUANTITATIF' | 'KUALITATIF';
  rhk: Rhk[];
  penilaiNip: string;
  returnNotes: string | null;
  expectations: Record<string, string>;
  snapshot: {
    nip: string;
    name: string;
    golongan: string;
    jabatan: { name: string };
    unit: { name: string };
    opd: { code: string; name: string };
    pejabatPenilai: { nip: string; name: string } | null;
  };
}
export interface SkpSummary {
  id: string;
  nip: string;
  name: string;
  year: number;
  startDate: string;
  endDate: string;
  status: SkpStatus;
  penilaiNip: string;
  version: number;
}
export interface MySkps {
  own: SkpSummary[];
  appraisees: SkpSummary[];
}
export interface Period {
  number: number;
  name: string;
  start: string;
  end: string;
  reportDue: string;
  feedbackDue: string;
  status: string;
  realizations: { indicatorId: string; value: number; note?: string | null }[];
  feedback: string | { text?: string; feedback?: string } | null;
  evidence: { id: string; indicatorId: string; fileName: string; size?: number }[];
}
export interface Employee {
  id: string;
  nip: string;
  name: string;
  jenisAsn: string;
  golongan: string;
  pangkat?: string;
  status: string;
  email?: string;
  position: { name: string; jenisJabatan: string } | null;
  unit: { code: string; name: string } | null;
  opd: { code: string; name: string } | null;
}
export interface Appraisers {
  pejabatPenilai: Employee | null;
  atasanPejabatPenilai: Employee | null;
}

export const STATUS_LABEL: Record<SkpStatus, string> = {
  DRAFT: 'Draf',
  DIAJUKAN: 'Diajukan',
  DIKEMBALIKAN: 'Dikembalikan',
  DITETAPKAN: 'Ditetapkan',
  DIGANTI: 'Diganti',
  DITUTUP: 'Ditutup',
};
export const STATUS_COLOR: Record<SkpStatus, string> = {
  DRAFT: 'gray.7',
  DIAJUKAN: 'blue.8',
  DIKEMBALIKAN: '#a33c00',
  DITETAPKAN: 'teal.9',
  DIGANTI: 'gray.7',
  DITUTUP: 'dark.6',
};
export const ASPEK_LABEL = { KUANTITAS: 'Kuantitas', KUALITAS: 'Kualitas', WAKTU: 'Waktu', BIAYA: 'Biaya' } as const;
export const BERAKHLAK = [
  ['BERORIENTASI_PELAYANAN', 'Berorientasi pelayanan'],
  ['AKUNTABEL', 'Akuntabel'],
  ['KOMPETEN', 'Kompeten'],
  ['HARMONIS', 'Harmonis'],
  ['LOYAL', 'Loyal'],
  ['ADAPTIF', 'Adaptif'],
  ['KOLABORATIF', 'Kolaboratif'],
] as const;
export const RATING_LABEL = { DI_ATAS: 'Di atas ekspektasi', SESUAI: 'Sesuai ekspektasi', DI_BAWAH: 'Di bawah ekspektasi' } as const;
