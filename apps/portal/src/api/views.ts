// Names the screens use for the API's answers. Every shape comes from the services' OpenAPI
// documents (generated into schema.d.ts); only the labels below are the portal's own.
import type { components } from './schema';

type Schemas = components['schemas'];

export type CreateSkp = Schemas['CreateSkpDto'];
export type Skp = Schemas['SkpStateResponse'];
export type SkpStatus = Skp['status'];
export type Rhk = Schemas['RhkResponse'];
export type Indicator = Schemas['IndicatorResponse'];
export type SkpSummary = Schemas['SkpSummaryResponse'];
export type MySkps = Schemas['SkpMineResponse'];
export type Period = Schemas['Period'];
export type Employee = Schemas['Employee'];
export type Appraisers = Schemas['AppraisersResponse'];

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
