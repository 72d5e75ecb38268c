import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmployeeHiredV1, EmployeeTransferredV1, EvaluationRatedV1, FeedbackGivenV1, PlanningDueV1, RatingDueV1, RealizationReportedV1, ReportDueV1, SkpSubmittedV1 } from '@capaian/contracts';
import { messageDefects } from '@capaian/kinerja';
import { CATEGORIES } from './categories';
import { factsOf, RATING_REMINDER_DAYS_BEFORE } from './event-values';
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
  batasPerencanaan: '31 Januari 2027',
  batasPenilaian: '31 Januari 2027',
  skpId: 'b7c1f7e2-1d1e-4c55-9d53-6f0d6a1c0001',
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

  it('remind the employee to plan by the planning deadline, ended by a submission of that year', () => {
    expect(rulesFor(PlanningDueV1, {})).toEqual([expect.objectContaining({ recipient: 'employee', category: 'skp', template: 'skp-perencanaan', actionDueFromEvent: true, channels: ['inbox', 'email'] })]);
    expect(awaitedBy(SkpSubmittedV1)).toContain('skp-perencanaan');
    const due = factsOf(PlanningDueV1, { employeeId: 'e-1', nip: values.nip, opdCode: 'DISKOMINFO', year: 2027, planningDeadline: '2027-01-31', penilaiNip: null, atasanPenilaiNip: null });
    expect(due?.actionDueAt?.toISOString()).toBe('2027-01-31T00:00:00.000Z'); // 07.00 WIB on the deadline day
    expect(due?.values.batasPerencanaan).toBe('31 Januari 2027');
    const skp = { skpId: 's-1', lineageId: 's-1', version: 1, employeeId: 'e-1', nip: values.nip, opdCode: null, startDate: '2027-01-01', endDate: '2027-12-31', status: 'DIAJUKAN', penilaiNip: null, reason: null };
    expect(factsOf(SkpSubmittedV1, { ...skp, year: 2027 })?.awaitedRef).toBe(due?.awaitedRef);
    expect(factsOf(SkpSubmittedV1, { ...skp, year: 2026 })?.awaitedRef).not.toBe(due?.awaitedRef);
  });

  it('remind the SKP\'s penilai of a rating so that reminder and both escalations fall before the rating deadline, ended by that SKP\'s rating', () => {
    expect(rulesFor(RatingDueV1, {})).toEqual([expect.objectContaining({ recipient: 'supervisor', category: 'skp', template: 'penilaian-menunggu', actionDueFromEvent: true })]);
    expect(awaitedBy(EvaluationRatedV1)).toEqual(['penilaian-menunggu']);
    const due = factsOf(RatingDueV1, {
      skpId: 's-1', employeeId: 'e-1', nip: values.nip, opdCode: 'DISKOMINFO', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31',
      penilaiNip: '198001012005011002', atasanPenilaiNip: null, ratingDeadline: '2027-01-31',
    });
    expect(due).toMatchObject({ penilaiNip: '198001012005011002', awaitedRef: 's-1' });
    expect(due?.actionDueAt?.toISOString()).toBe('2027-01-26T00:00:00.000Z'); // 07.00 WIB five days before
    // Two 48 h escalations (plus a few minutes of job slots) end before the deadline day is over (17.00 UTC = 24.00 WIB).
    const lastEscalation = due!.actionDueAt!.getTime() + 2 * 48 * 3_600_000 + 30 * 60_000;
    expect(lastEscalation).toBeLessThan(Date.parse('2027-01-31T17:00:00Z'));
    expect(RATING_REMINDER_DAYS_BEFORE).toBeGreaterThanOrEqual(4);
    const rated = { skpId: 's-1', employeeId: 'e-1', nip: values.nip, opdCode: null, year: 2026, period: null, evaluationId: 'ev-1', ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', predikat: 'BAIK', penilaiNip: null };
    expect(factsOf(EvaluationRatedV1, rated)?.awaitedRef).toBe('s-1');
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
