import type PDFDocument from 'pdfkit';
import { berakhlakValue, BERAKHLAK_CODES, EMPLOYEE_PREDIKAT_LABELS, RATING_LABELS, type EmployeePredikat, type Rating } from '@capaian/kinerja';
import type { SkpState } from '../../skp/domain/skp';

/** What both documents print at their foot: the verification code and where to check it. */
export interface Verification {
  code: string;
  url: string;
  issuedOn: string;
}

/** What the documents print beyond the SKP itself, from the projection and the penilai's SKP. */
export interface PrintContext {
  /** The penilai's RHK texts by id, for the column of the RHK each RHK supports. */
  parentRhk: Readonly<Record<string, string>>;
  penilai: { golongan: string | null; jabatan: string | null; unit: string | null } | null;
}

export interface EvaluationPrint {
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  predikat: EmployeePredikat;
  status: string;
  perilaku: Record<string, Rating>;
  indicators: { indicatorId: string; realization: number | null; capaian: number | null }[];
}

const MARGIN = 40;
const ASPEK_LABEL: Record<string, string> = { KUANTITAS: 'Kuantitas', KUALITAS: 'Kualitas', WAKTU: 'Waktu', BIAYA: 'Biaya' };

type Doc = InstanceType<typeof PDFDocument>;

/** A bordered table that wraps cell text and breaks pages; widths are fractions of the usable width. */
function table(doc: Doc, widths: number[], rows: string[][], header = false): void {
  const usable = doc.page.width - 2 * MARGIN;
  const cols = widths.map((w) => w * usable);
  rows.forEach((row, r) => {
    const bold = header && r === 0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const shown = row.map((cell) => (cell || bold ? cell : '-'));
    const height = Math.max(...shown.map((cell, i) => doc.heightOfString(cell || ' ', { width: cols[i] - 6 }))) + 6;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    row.forEach((cell, i) => {
      if (bold) doc.rect(x, y, cols[i], height).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
      else doc.rect(x, y, cols[i], height).stroke();
      doc.text(shown[i], x + 3, y + 3, { width: cols[i] - 6 });
      x += cols[i];
    });
    doc.x = MARGIN;
    doc.y = y + height;
  });
  doc.moveDown(0.6);
}

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 120) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(9).text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.3);
}

function parties(doc: Doc, s: SkpState, ctx: PrintContext): void {
  const p = s.snapshot;
  const penilai = p.pejabatPenilai;
  const more = ctx.penilai;
  table(
    doc,
    [0.05, 0.2, 0.25, 0.05, 0.2, 0.25],
    [
      ['NO', 'PEGAWAI YANG DINILAI', '', 'NO', 'PEJABAT PENILAI KINERJA', ''],
      ['1', 'NAMA', p.name, '1', 'NAMA', penilai?.name ?? '-'],
      ['2', 'NIP', p.nip, '2', 'NIP', penilai?.nip ?? '-'],
      ['3', 'PANGKAT/GOL. RUANG', p.golongan ?? '-', '3', 'PANGKAT/GOL. RUANG', more?.golongan ?? '-'],
      ['4', 'JABATAN', p.jabatan?.name ?? '-', '4', 'JABATAN', more?.jabatan ?? '-'],
      ['5', 'UNIT KERJA', [p.unit?.name, p.opd?.name].filter(Boolean).join(', '), '5', 'UNIT KERJA', more?.unit ?? p.opd?.name ?? '-'],
    ],
    true,
  );
}

/** Place and date, and the two parties by name and NIP (signed electronically by the platform's verification). */
function signatures(doc: Doc, s: SkpState, v: Verification, left: string, right: string): void {
  if (doc.y > doc.page.height - 170) doc.addPage();
  const usable = doc.page.width - 2 * MARGIN;
  const y = doc.y + 20;
  const col = (x: number, title: string, name: string, nip: string) => {
    doc.font('Helvetica').fontSize(8).text(title, x, y, { width: usable / 2, align: 'center' });
    doc.font('Helvetica-Bold').text(name, x, y + 40, { width: usable / 2, align: 'center' });
    doc.font('Helvetica').text(`NIP ${nip}`, x, y + 52, { width: usable / 2, align: 'center' });
  };
  doc.font('Helvetica').fontSize(8).text(`Palembang, ${v.issuedOn}`, MARGIN + usable / 2, y - 12, { width: usable / 2, align: 'center' });
  col(MARGIN, left, s.snapshot.name, s.snapshot.nip);
  col(MARGIN + usable / 2, right, s.snapshot.pejabatPenilai?.name ?? '-', s.snapshot.pejabatPenilai?.nip ?? '-');
  doc.x = MARGIN;
  doc.y = y + 70;
}

async function footer(doc: Doc, v: Verification): Promise<void> {
  // Loaded on the first document, not at boot: pdfkit and qrcode hold ~20 MB the idle service does not need.
  const { default: QRCode } = await import('qrcode');
  const qr = await QRCode.toBuffer(v.url, { type: 'png', margin: 1, width: 160, errorCorrectionLevel: 'M' });
  if (doc.y > doc.page.height - 150) doc.addPage();
  const y = doc.y + 10;
  doc.image(qr, MARGIN, y, { width: 80, height: 80 });
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(`Kode verifikasi: ${v.code}`, MARGIN + 90, y + 10)
    .text(`Diterbitkan: ${v.issuedOn}`, MARGIN + 90, y + 24)
    .text(`Periksa keaslian dan keberlakuan dokumen ini dengan memindai kode QR atau membuka:`, MARGIN + 90, y + 38, { width: doc.page.width - 2 * MARGIN - 90 })
    .text(v.url, MARGIN + 90, y + 52, { width: doc.page.width - 2 * MARGIN - 90 });
}

async function render(build: (doc: Doc) => Promise<void>): Promise<Buffer> {
  const { default: PDFKit } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFKit({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: 'Capaian', Producer: 'Capaian' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc).then(
      () => doc.end(),
      (e) => reject(e),
    );
  });
}

/** The SKP in the layout of the Lampiran of PermenPANRB 6/2022: parties, hasil kerja, perilaku kerja, lampiran. */
export function renderSkpPdf(s: SkpState, v: Verification, ctx: PrintContext): Promise<Buffer> {
  return render(async (doc) => {
    doc.font('Helvetica-Bold').fontSize(12).text('SASARAN KINERJA PEGAWAI', { align: 'center' });
    doc.font('Helvetica').fontSize(9).text(`PENDEKATAN HASIL KERJA ${s.pendekatan}`, { align: 'center' });
    doc.moveDown(0.5);
    doc.text(`PEMERINTAH KOTA PALEMBANG    PERIODE PENILAIAN: ${s.startDate} s.d. ${s.endDate}    VERSI ${s.version}`, { align: 'left' });
    doc.moveDown(0.5);
    parties(doc, s, ctx);
    heading(doc, 'HASIL KERJA');
    const rows: string[][] = [['NO', 'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI', 'RENCANA HASIL KERJA', 'ASPEK', 'INDIKATOR KINERJA INDIVIDU', 'TARGET']];
    for (const kind of ['UTAMA', 'TAMBAHAN'] as const) {
      const list = s.rhk.filter((r) => r.kind === kind);
      rows.push([kind === 'UTAMA' ? 'A.' : 'B.', kind, '', '', '', '']);
      list.forEach((r, i) => {
        r.indicators.forEach((ind, j) =>
          rows.push([j === 0 ? String(i + 1) : '', j === 0 ? (r.parentRhkId ? (ctx.parentRhk[r.parentRhkId] ?? '-') : '-') : '', j === 0 ? r.description : '', ASPEK_LABEL[ind.aspek], ind.description, ind.target === null ? '-' : `${ind.target} ${ind.unit ?? ''}`.trim()]),
        );
        if (r.indicators.length === 0) rows.push([String(i + 1), '', r.description, '', '', '']);
      });
    }
    table(doc, [0.04, 0.22, 0.24, 0.08, 0.28, 0.14], rows, true);
    heading(doc, 'PERILAKU KERJA');
    table(
      doc,
      [0.04, 0.5, 0.46],
      [['NO', 'NILAI DAN PANDUAN PERILAKU', 'EKSPEKTASI KHUSUS PIMPINAN'], ...BERAKHLAK_CODES.map((c, i) => [String(i + 1), `${berakhlakValue(c).name}: ${berakhlakValue(c).guides.join('; ')}`, s.expectations[c] ?? '-'])],
      true,
    );
    heading(doc, 'LAMPIRAN SASARAN KINERJA PEGAWAI');
    table(
      doc,
      [0.3, 0.7],
      [
        ['DUKUNGAN SUMBER DAYA', s.annex.resources.join('\n')],
        ['SKEMA PERTANGGUNGJAWABAN', s.annex.accountability.join('\n')],
        ['KONSEKUENSI', s.annex.consequences.join('\n')],
      ],
    );
    signatures(doc, s, v, 'Pegawai yang Dinilai', 'Pejabat Penilai Kinerja');
    await footer(doc, v);
  });
}

/** The year-end evaluation (dokumen evaluasi kinerja pegawai): realization and capaian per indicator, both ratings, and the predikat. */
export function renderEvaluationPdf(s: SkpState, e: EvaluationPrint, v: Verification, ctx: PrintContext): Promise<Buffer> {
  return render(async (doc) => {
    doc.font('Helvetica-Bold').fontSize(12).text('DOKUMEN EVALUASI KINERJA PEGAWAI', { align: 'center' });
    doc.font('Helvetica').fontSize(9).text(`PERIODE: AKHIR TAHUN ${s.year} (${s.startDate} s.d. ${s.endDate})`, { align: 'center' });
    doc.moveDown(0.5);
    parties(doc, s, ctx);
    heading(doc, 'HASIL KERJA');
    const byId = new Map(e.indicators.map((i) => [i.indicatorId, i]));
    const rows: string[][] = [['NO', 'RENCANA HASIL KERJA', 'INDIKATOR KINERJA INDIVIDU', 'TARGET', 'REALISASI', 'CAPAIAN']];
    s.rhk.forEach((r, i) =>
      r.indicators.forEach((ind, j) => {
        const a = byId.get(ind.id);
        rows.push([j === 0 ? String(i + 1) : '', j === 0 ? `${r.description} (${r.kind})` : '', ind.description, ind.target === null ? '-' : `${ind.target} ${ind.unit ?? ''}`.trim(), a?.realization === null || a === undefined ? '-' : String(a.realization), a?.capaian === null || a === undefined ? '-' : `${a.capaian} %`]);
      }),
    );
    table(doc, [0.04, 0.3, 0.3, 0.12, 0.12, 0.12], rows, true);
    table(doc, [0.4, 0.6], [['RATING HASIL KERJA', RATING_LABELS[e.ratingHasilKerja].toUpperCase()]]);
    heading(doc, 'PERILAKU KERJA');
    table(doc, [0.04, 0.56, 0.4], [['NO', 'NILAI', 'RATING'], ...BERAKHLAK_CODES.map((c, i) => [String(i + 1), berakhlakValue(c).name, RATING_LABELS[e.perilaku[c]] ?? '-'])], true);
    table(
      doc,
      [0.4, 0.6],
      [
        ['RATING PERILAKU KERJA', RATING_LABELS[e.ratingPerilaku].toUpperCase()],
        ['PREDIKAT KINERJA PEGAWAI', EMPLOYEE_PREDIKAT_LABELS[e.predikat].toUpperCase()],
        ['STATUS', e.status === 'FINAL' ? 'FINAL' : e.status === 'KEBERATAN' ? 'DALAM KEBERATAN' : 'DINILAI (MASA KEBERATAN BERJALAN)'],
      ],
    );
    signatures(doc, s, v, 'Pegawai yang Dinilai', 'Pejabat Penilai Kinerja');
    await footer(doc, v);
  });
}
