import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { StatisticsMessages } from './statistics.messages';
import type { StatisticsDto } from './dto/statistics.dto';

const DAY_MS = 24 * 3_600_000;

/**
 * Delivery and reading figures per category and OPD for BKPSDM. A read-only query over the inbox,
 * the delivery queue, the dispatch issues and the OPD names of the personnel projection (a read
 * across tables that writes nothing).
 */
@Injectable()
export class StatisticsQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async summary(range: { dari?: string; sampai?: string }): Promise<StatisticsDto> {
    const sampai = range.sampai ? new Date(range.sampai) : this.clock.now();
    const dari = range.dari ? new Date(range.dari) : new Date(sampai.getTime() - 30 * DAY_MS);
    if (!(dari < sampai)) throw StatisticsMessages.error('RENTANG_TANGGAL_TIDAK_VALID', {}, 'dari');
    // The OPD names come in one join after counting: a lookup per row compared u.id::text, which no
    // index answers, so each of the few hundred rows read every unit of the projection.
    const rows: {
      kategori: string;
      opd_id: string | null;
      opd_name: string | null;
      notifikasi: number;
      dibaca: number;
      terkirim: number;
      gagal: number;
      menunggu: number;
      ringkasan: number;
    }[] = await this.dataSource.query(
      `WITH n AS (
         SELECT kategori, opd_id, count(*)::int AS notifikasi, count(read_at)::int AS dibaca
         FROM notification WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2),
       d AS (
         SELECT kategori, opd_id, count(*) FILTER (WHERE status = 'sent')::int AS terkirim, count(*) FILTER (WHERE status = 'failed')::int AS gagal,
                count(*) FILTER (WHERE status IN ('pending', 'digest'))::int AS menunggu, count(*) FILTER (WHERE status = 'digested')::int AS ringkasan
         FROM delivery WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2),
       nd AS (
         SELECT COALESCE(n.kategori, d.kategori) AS kategori, COALESCE(n.opd_id, d.opd_id) AS opd_id,
                COALESCE(n.notifikasi, 0) AS notifikasi, COALESCE(n.dibaca, 0) AS dibaca, COALESCE(d.terkirim, 0) AS terkirim,
                COALESCE(d.gagal, 0) AS gagal, COALESCE(d.menunggu, 0) AS menunggu, COALESCE(d.ringkasan, 0) AS ringkasan
         FROM n FULL JOIN d ON n.kategori = d.kategori AND n.opd_id IS NOT DISTINCT FROM d.opd_id)
       SELECT nd.kategori, nd.opd_id, u.name AS opd_name, nd.notifikasi, nd.dibaca, nd.terkirim, nd.gagal, nd.menunggu, nd.ringkasan
       FROM nd LEFT JOIN personnel_unit u ON u.id::text = nd.opd_id
       ORDER BY 1, 2 NULLS FIRST`,
      [dari, sampai],
    );
    const issues: { code: string; n: number }[] = await this.dataSource.query(
      `SELECT code, count(*)::int AS n FROM dispatch_issue WHERE created_at >= $1 AND created_at < $2 GROUP BY code ORDER BY code`,
      [dari, sampai],
    );
    return {
      dari: dari.toISOString(),
      sampai: sampai.toISOString(),
      rincian: rows.map((r) => ({
        kategori: r.kategori,
        opdId: r.opd_id,
        opdNama: r.opd_name,
        notifikasi: r.notifikasi,
        dibaca: r.dibaca,
        tingkatBaca: r.notifikasi === 0 ? 0 : Math.round((r.dibaca / r.notifikasi) * 1000) / 1000,
        emailTerkirim: r.terkirim,
        emailGagal: r.gagal,
        emailMenunggu: r.menunggu,
        emailRingkasan: r.ringkasan,
      })),
      kendala: issues.map((i) => ({ kode: i.code, jumlah: i.n })),
    };
  }
}
