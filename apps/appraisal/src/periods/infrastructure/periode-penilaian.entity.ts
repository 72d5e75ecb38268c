import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JenisPeriode } from '../domain/periode-penilaian';

/** `date` columns stay `YYYY-MM-DD` strings (pg returns them so): no time zone can shift them. */
@Entity({ name: 'periode_penilaian' })
export class PeriodePenilaianEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  tahun: number;

  @Column({ type: 'text' })
  jenis: JenisPeriode;

  @Column({ type: 'text' })
  nama: string;

  @Column({ name: 'tanggal_mulai', type: 'date' })
  tanggalMulai: string;

  @Column({ name: 'tanggal_selesai', type: 'date' })
  tanggalSelesai: string;

  @CreateDateColumn({ name: 'dibuat_pada', type: 'timestamptz' })
  dibuatPada: Date;

  /** Keycloak subject of the BKPSDM admin who created it. */
  @Column({ name: 'dibuat_oleh', type: 'text' })
  dibuatOleh: string;
}
