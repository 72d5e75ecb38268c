import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import type { BentukPengembangan, Lingkup } from '../domain/bentuk-pengembangan';

/**
 * Rupiah are `bigint` in PostgreSQL (a city budget overflows int4) and numbers in the API; the
 * API never accepts more than Number.MAX_SAFE_INTEGER, so the conversion is exact.
 */
const rupiah: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

export type StatusProgram = 'DIRENCANAKAN' | 'DIBUKA' | 'SELEKSI' | 'BERJALAN' | 'SELESAI' | 'DIEVALUASI';

@Entity({ name: 'program_pengembangan' })
export class ProgramPengembanganEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  nama: string;

  @Column({ type: 'text' })
  bentuk: BentukPengembangan;

  @Column({ type: 'text' })
  lingkup: Lingkup;

  @Column({ type: 'text' })
  penyelenggara: string;

  @Column({ type: 'int' })
  jp: number;

  @Column({ name: 'tanggal_mulai', type: 'date' })
  tanggalMulai: string;

  @Column({ name: 'tanggal_selesai', type: 'date' })
  tanggalSelesai: string;

  @Column({ type: 'int' })
  kuota: number;

  @Column({ type: 'bigint', transformer: rupiah })
  pagu: number;

  @Column({ name: 'biaya_per_peserta', type: 'bigint', transformer: rupiah })
  biayaPerPeserta: number;

  /** W5 program states; a new program starts as DIRENCANAKAN. */
  @Column({ type: 'text' })
  status: StatusProgram;

  @CreateDateColumn({ name: 'dibuat_pada', type: 'timestamptz' })
  dibuatPada: Date;

  @Column({ name: 'dibuat_oleh', type: 'text' })
  dibuatOleh: string;
}
