import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { currentCorrelationId, Problems, toPage, type Page } from '@capaian/shared/http';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource, type FindOptionsWhere, Between } from 'typeorm';
import { bentukInfo, type BentukPengembangan } from './domain/bentuk-pengembangan';
import { konversiJpBawaan, type KonfigurasiKonversiJp } from './domain/konversi-jp';
import { checkProgramBaru, type ProgramBaru } from './domain/program-pengembangan';
import { ProgramPengembanganEntity } from './infrastructure/program-pengembangan.entity';
import type { CreateProgramDto, ProgramView } from './program-pengembangan.dto';

export function toProgramView(p: ProgramPengembanganEntity): ProgramView {
  return {
    id: p.id,
    nama: p.nama,
    bentuk: p.bentuk,
    bentukLabel: bentukInfo[p.bentuk]?.label ?? p.bentuk,
    lingkup: p.lingkup,
    penyelenggara: p.penyelenggara,
    jp: p.jp,
    tanggalMulai: p.tanggalMulai,
    tanggalSelesai: p.tanggalSelesai,
    kuota: p.kuota,
    pagu: p.pagu,
    biayaPerPeserta: p.biayaPerPeserta,
    status: p.status,
    dibuatPada: p.dibuatPada.toISOString(),
  };
}

@Injectable()
export class ProgramPengembanganService {
  /** The JP conversion in force: domain.md §4.5's example guideline until BKPSDM configures its own. */
  private readonly konversi: KonfigurasiKonversiJp = konversiJpBawaan;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Validates the cross-field rules, then writes the program and its audit entry in one transaction. */
  async create(dto: CreateProgramDto, actor: Principal): Promise<ProgramView> {
    const input: ProgramBaru = { ...dto, lingkup: dto.lingkup ?? 'nasional' };
    const violations = checkProgramBaru(input, this.konversi);
    if (violations.length > 0) throw Problems.badRequest('VALIDASI_GAGAL', 'Data yang dikirim tidak valid', violations);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ProgramPengembanganEntity);
      const saved = await repo.save(repo.create({ ...input, status: 'DIRENCANAKAN', dibuatOleh: actor.subject }));
      await recordAudit(manager, {
        actor: actor.subject,
        actorNip: actor.nip ?? null,
        action: 'program_pengembangan.dibuat',
        entityType: 'program_pengembangan',
        entityId: saved.id,
        toState: 'DIRENCANAKAN',
        details: {
          nama: saved.nama,
          bentuk: saved.bentuk,
          jp: saved.jp,
          kuota: saved.kuota,
          pagu: saved.pagu,
          biayaPerPeserta: saved.biayaPerPeserta,
          tanggalMulai: saved.tanggalMulai,
          tanggalSelesai: saved.tanggalSelesai,
        },
        correlationId: currentCorrelationId() ?? null,
      });
      return toProgramView(saved);
    });
  }

  async list(query: { page: number; size: number; bentuk?: BentukPengembangan; tahun?: number }): Promise<Page<ProgramView>> {
    const where: FindOptionsWhere<ProgramPengembanganEntity> = {};
    if (query.bentuk !== undefined) where.bentuk = query.bentuk;
    if (query.tahun !== undefined) where.tanggalMulai = Between(`${query.tahun}-01-01`, `${query.tahun}-12-31`);
    const [rows, total] = await this.dataSource.getRepository(ProgramPengembanganEntity).findAndCount({
      where,
      order: { tanggalMulai: 'DESC', nama: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.size,
      take: query.size,
    });
    return toPage(rows.map(toProgramView), total, query);
  }
}
