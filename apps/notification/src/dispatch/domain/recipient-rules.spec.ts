import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmployeeHiredV1, EmployeeTransferredV1, FeedbackGivenV1, RealizationReportedV1, ReportDueV1 } from '@capaian/contracts';
import { messageDefects } from '@capaian/kinerja';
import { CATEGORIES } from './categories';
import { factsOf } from './event-values';
import { awaitedBy, RECIPIENT_RULES, RULED_EVENT_TYPES, rulesFor } from './recipient-rules';
import { renderNotice, TEMPLATE_KEYS, TemplateValueMissingError } from './templates';

const values = {
  nama: 'Dimas Pratama',
  nip: '199203152019031004',
  jabatan: 'Pranata Komputer Ahli Pertama',
  unit: 'Bidang Aplikasi Informatika',
  opd: 'Dinas Komunikasi dan Informatika',
  opdAsal: 'Badan Kepegawaian dan Pengembangan SDM',
  golongan: 'III/b',
  pangkat: 'Penata Muda Tingkat I',
  atasan: 'Siti Rahmawati',
  tanggal: '1 Desember 2026',
  batas: '17 Desember 2026',
  penerima: 'Siti Rahmawati',
  nomorSk: null,
  judulAsal: 'Selamat bergabung di Capaian',
  isiAsal: 'Susun rencana SKP Anda.',
  tautanAsal: '/skp/rencana',
  tahun: '2026',
  versi: '1',
  alasan: 'Indikator RHK 2 belum terukur',
  periode: '2 Januari 2026 s.d. 31 Desember 2026',
  periodeKe: '2',
  predikat: 'Baik',
  keputusan: 'diterima',
  program: 'Pelatihan Analisis Data untuk ASN',
  mulai: '10 Desember 2026',
  selesai: '12 Desember 2026',
  jpDiakui: '8',
  jpRencana: '4',
  jpMinimal: '20',
  kekurangan: '8',
  namaPeriode: 'Januari 2026',
  batasLaporan: '5 Februari 2026',
};

describe('recipient rules', () => {
  it('name a known category and template in every row, and no row twice', () => {
    const keys = RECIPIENT_RULES.map((r) => `${r.eventType}|${r.recipient}|${r.when ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of RECIPIENT_RULES) {
      expect(Object.keys(CATEGORIES)).toContain(r.category);
      expect(TEMPLATE_KEYS).toContain(r.template);
    }
  });

  it('tell BKPSDM and the new admin OPD only about a transfer between OPD', () => {
    expect(rulesFor(EmployeeTransferredV1, { betweenOpd: 'false' }).map((r) => r.recipient)).toEqual(['employee', 'supervisor']);
    expect(rulesFor(EmployeeTransferredV1, { betweenOpd: 'true' }).map((r) => r.recipient)).toEqual(['employee', 'supervisor', 'opd-admin', 'bkpsdm']);
  });

  it('give the new employee an SKP planning deadline', () => {
    expect(rulesFor(EmployeeHiredV1, {}).find((r) => r.recipient === 'employee')?.actionDueDays).toBe(14);
  });

  it('remind of a period report by the deadline the event carries, ended by that period\'s realization', () => {
    const [rule] = rulesFor(ReportDueV1, {});
    expect(rule).toMatchObject({ recipient: 'employee', template: 'laporan-realisasi', actionDueFromEvent: true });
    expect(awaitedBy(RealizationReportedV1)).toContain('laporan-realisasi');
    expect(RULED_EVENT_TYPES).toContain(RealizationReportedV1);
    const due = factsOf(ReportDueV1, {
      skpId: 's-1', employeeId: 'e-1', nip: values.nip, opdCode: 'DISKOMINFO', year: 2026, period: 1,
      periodName: 'Januari 2026', periodStart: '2026-01-01', periodEnd: '2026-01-31', reportDue: '2026-02-05', penilaiNip: null,
    });
    expect(due?.actionDueAt?.toISOString()).toBe('2026-02-05T00:00:00.000Z'); // 07.00 WIB on the last day
    expect(due?.awaitedRef).toBe('s-1:1');
    expect(due?.values.batasLaporan).toBe('5 Februari 2026');
    const reported = factsOf(RealizationReportedV1, { skpId: 's-1', employeeId: 'e-1', nip: values.nip, opdCode: null, year: 2026, period: 1, evaluationId: null, ratingHasilKerja: null, ratingPerilaku: null, predikat: null, penilaiNip: null });
    expect(reported?.awaitedRef).toBe('s-1:1');
  });

  it('tell the penilai a reported realization waits for feedback (5 days), ended by that period\'s feedback or a corrected report', () => {
    const rule = rulesFor(RealizationReportedV1, {}).find((r) => r.template === 'realisasi-menunggu-umpan-balik');
    expect(rule).toMatchObject({ recipient: 'supervisor', category: 'skp', actionDueDays: 5, channels: ['inbox', 'email'] });
    expect(awaitedBy(FeedbackGivenV1)).toEqual(['realisasi-menunggu-umpan-balik']);
    expect(awaitedBy(RealizationReportedV1)).toContain('realisasi-menunggu-umpan-balik');
    const event = { skpId: 's-1', employeeId: 'e-1', nip: values.nip, opdCode: null, year: 2026, period: 3, evaluationId: 'ev-1', ratingHasilKerja: null, ratingPerilaku: null, predikat: null, penilaiNip: '198001012005011002' };
    expect(factsOf(RealizationReportedV1, event)).toMatchObject({ awaitedRef: 's-1:3', penilaiNip: '198001012005011002' });
    expect(factsOf(FeedbackGivenV1, event)?.awaitedRef).toBe('s-1:3');
    expect(factsOf(FeedbackGivenV1, { ...event, period: null })?.awaitedRef).toBeUndefined();
  });

  it('are the table docs/notifications.md shows (one line per row)', () => {
    const doc = readFileSync(join(__dirname, '../../../../../docs/notifications.md'), 'utf8');
    for (const r of RECIPIENT_RULES) {
      const row = `| \`${r.eventType.replace(/^capaian\.(personnel\.)?/, '')}\` | ${r.recipient} | \`${r.category}\` | ${CATEGORIES[r.category].mandatory ? 'wajib' : 'opsional'} | ${r.channels.join(' + ')} | \`${r.template}\` |`;
      expect(doc).toContain(row);
    }
  });
});

describe('templates', () => {
  it.each(TEMPLATE_KEYS)('%s renders in Bahasa Indonesia without code identifiers', (key) => {
    const notice = renderNotice(key, values);
    expect(notice.tautan.startsWith('/')).toBe(true);
    expect(messageDefects(notice.judul)).toEqual([]);
    expect(messageDefects(notice.isi)).toEqual([]);
  });

  it('refuse to render with a missing value instead of leaving a hole', () => {
    expect(() => renderNotice('pegawai-diterima', { ...values, jabatan: null })).toThrow(TemplateValueMissingError);
    expect(() => renderNotice('pegawai-diterima', { ...values, jabatan: '  ' })).toThrow(/jabatan/);
  });

  it('leave an optional value out cleanly', () => {
    expect(renderNotice('pegawai-dimutasi', { ...values, nomorSk: '821/1/2026' }).isi).toContain('(SK 821/1/2026)');
    expect(renderNotice('pegawai-dimutasi', values).isi).not.toContain('SK');
  });
});
