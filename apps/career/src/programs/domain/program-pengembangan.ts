import { type BentukPengembangan, type Lingkup } from './bentuk-pengembangan';
import { jpMaksimumPerKegiatan, konversiJpBawaan, type KonfigurasiKonversiJp } from './konversi-jp';
import { compareIsoDates, daysInclusive, parseIsoDate } from '@capaian/kinerja';

/**
 * A program in the training catalog (domain.md §2 Development/Program, W5). Money is integer
 * rupiah (architecture.md §6); the checks here are the ones that need more than one field.
 */
export interface ProgramBaru {
  nama: string;
  bentuk: BentukPengembangan;
  lingkup: Lingkup;
  penyelenggara: string;
  jp: number;
  tanggalMulai: string;
  tanggalSelesai: string;
  kuota: number;
  /** Budget ceiling for the whole program, integer rupiah. */
  pagu: number;
  /** Cost per participant, integer rupiah. */
  biayaPerPeserta: number;
}

export interface PelanggaranAturan {
  field: string;
  code: string;
  message: string;
}

export function formatRupiah(value: bigint | number): string {
  // Grouping by hand: the id-ID locale data may be missing in small-ICU Node builds.
  const digits = BigInt(value).toString();
  return `Rp${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/**
 * Every rule a new program breaks (empty when valid): real dates with the end not before the start,
 * JP within what the conversion allows for per-day formats, and the allocation (kuota × biaya per
 * peserta) within the pagu (domain.md §5.11: allocations must not exceed the pagu).
 */
export function checkProgramBaru(input: ProgramBaru, konfigurasi: KonfigurasiKonversiJp = konversiJpBawaan): PelanggaranAturan[] {
  const out: PelanggaranAturan[] = [];
  const mulai = parseIsoDate(input.tanggalMulai);
  const selesai = parseIsoDate(input.tanggalSelesai);
  if (!mulai) out.push({ field: 'tanggalMulai', code: 'TANGGAL_TIDAK_VALID', message: 'DateParts mulai bukan tanggal kalender yang valid (YYYY-MM-DD)' });
  if (!selesai) out.push({ field: 'tanggalSelesai', code: 'TANGGAL_TIDAK_VALID', message: 'DateParts selesai bukan tanggal kalender yang valid (YYYY-MM-DD)' });
  if (mulai && selesai) {
    if (compareIsoDates(input.tanggalSelesai, input.tanggalMulai) < 0) {
      out.push({ field: 'tanggalSelesai', code: 'TANGGAL_SELESAI_SEBELUM_MULAI', message: 'DateParts selesai tidak boleh sebelum tanggal mulai' });
    } else {
      const maksimum = jpMaksimumPerKegiatan(input.bentuk, input.lingkup, daysInclusive(mulai, selesai), konfigurasi);
      if (maksimum !== null && input.jp > maksimum) {
        out.push({
          field: 'jp',
          code: 'JP_MELEBIHI_KONVERSI',
          message: `JP melebihi batas konversi untuk bentuk dan lama kegiatan ini (paling banyak ${maksimum} JP)`,
        });
      }
    }
  }
  const alokasi = BigInt(input.kuota) * BigInt(input.biayaPerPeserta);
  if (alokasi > BigInt(input.pagu)) {
    out.push({
      field: 'pagu',
      code: 'PAGU_TIDAK_MENCUKUPI',
      message: `Pagu ${formatRupiah(input.pagu)} tidak mencukupi untuk kuota × biaya per peserta (${formatRupiah(alokasi)})`,
    });
  }
  return out;
}
