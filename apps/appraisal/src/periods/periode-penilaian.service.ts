import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { currentCorrelationId, Problems, ProblemException, toPage, type Page } from '@capaian/shared/http';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { checkPeriodeBaru, namaBawaan, type JenisPeriode, type PeriodeBaru } from './domain/periode-penilaian';
import { PeriodePenilaianEntity } from './infrastructure/periode-penilaian.entity';
import type { PeriodeView } from './periode-penilaian.dto';

export function toPeriodeView(p: PeriodePenilaianEntity): PeriodeView {
  return {
    id: p.id,
    tahun: p.tahun,
    jenis: p.jenis,
    nama: p.nama,
    tanggalMulai: p.tanggalMulai,
    tanggalSelesai: p.tanggalSelesai,
    dibuatPada: p.dibuatPada.toISOString(),
  };
}

function overlapProblem(jenis: JenisPeriode, clash?: PeriodePenilaianEntity): ProblemException {
  const which = clash ? ` (${clash.nama}, ${clash.tanggalMulai} s.d. ${clash.tanggalSelesai})` : '';
  return Problems.conflict('PERIODE_TUMPANG_TINDIH', `Periode ${jenis} ini tumpang tindih dengan periode ${jenis} yang sudah ada${which}`, {
    ...(clash ? { periodeBentrok: toPeriodeView(clash) } : {}),
  });
}

/** PostgreSQL exclusion_violation: the constraint closed a race the pre-check could not see. */
function isExclusionViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === '23P01' || e?.driverError?.code === '23P01';
}

@Injectable()
export class PeriodePenilaianService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Creates a period and its audit entry in one transaction. Rule violations are a 400 listing
   * every field; an overlap with a period of the same jenis is a 409 naming the one it clashes with.
   */
  async create(input: PeriodeBaru & { nama?: string }, actor: Principal): Promise<PeriodeView> {
    const violations = checkPeriodeBaru(input);
    if (violations.length > 0) throw Problems.badRequest('VALIDASI_GAGAL', 'Data yang dikirim tidak valid', violations);
    const nama = input.nama?.trim() || namaBawaan(input);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(PeriodePenilaianEntity);
        const clash = await repo
          .createQueryBuilder('p')
          .where('p.jenis = :jenis AND p.tanggal_mulai <= :selesai AND p.tanggal_selesai >= :mulai', {
            jenis: input.jenis,
            mulai: input.tanggalMulai,
            selesai: input.tanggalSelesai,
          })
          .orderBy('p.tanggal_mulai', 'ASC')
          .getOne();
        if (clash) throw overlapProblem(input.jenis, clash);

        const saved = await repo.save(
          repo.create({
            tahun: input.tahun,
            jenis: input.jenis,
            nama,
            tanggalMulai: input.tanggalMulai,
            tanggalSelesai: input.tanggalSelesai,
            dibuatOleh: actor.subject,
          }),
        );
        await recordAudit(manager, {
          actor: actor.subject,
          actorNip: actor.nip ?? null,
          action: 'periode_penilaian.dibuat',
          entityType: 'periode_penilaian',
          entityId: saved.id,
          toState: 'DIBUAT',
          details: { tahun: saved.tahun, jenis: saved.jenis, nama: saved.nama, tanggalMulai: saved.tanggalMulai, tanggalSelesai: saved.tanggalSelesai },
          correlationId: currentCorrelationId() ?? null,
        });
        return toPeriodeView(saved);
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw overlapProblem(input.jenis);
      throw error;
    }
  }

  async list(query: { page: number; size: number; tahun?: number; jenis?: JenisPeriode }): Promise<Page<PeriodeView>> {
    const where: FindOptionsWhere<PeriodePenilaianEntity> = {};
    if (query.tahun !== undefined) where.tahun = query.tahun;
    if (query.jenis !== undefined) where.jenis = query.jenis;
    const [rows, total] = await this.dataSource.getRepository(PeriodePenilaianEntity).findAndCount({
      where,
      order: { tanggalMulai: 'DESC', jenis: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.size,
      take: query.size,
    });
    return toPage(rows.map(toPeriodeView), total, query);
  }
}
