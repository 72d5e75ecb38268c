import { BERAKHLAK_CODES, berakhlakValue, compareIsoDates, parseIsoDate, ViolationError, type BerakhlakValue, type IsoDate, type Violation } from '@capaian/kinerja';
import { SkpMessages } from '../skp.messages';

/**
 * The SKP (Sasaran Kinerja Pegawai) of one employee for one stretch of one year, as PermenPANRB
 * 6/2022 shapes it: RHK utama and tambahan with indicators, the penilai's expectation for each
 * BerAKHLAK value, and an annex. Its workflow is an aggregate: every transition is a method that
 * refuses what the current state or the actor does not allow, and records the event to publish.
 *
 * DRAFT ─submit→ DIAJUKAN ─set→ DITETAPKAN ─revise→ DIGANTI (a new DRAFT version takes over)
 *                    └─return→ DIKEMBALIKAN ─submit→ DIAJUKAN
 * any open state ─close→ DITUTUP (transfer, promotion: a new SKP opens for the new position)
 */
export const SKP_STATUSES = ['DRAFT', 'DIAJUKAN', 'DITETAPKAN', 'DIKEMBALIKAN', 'DIGANTI', 'DITUTUP'] as const;
export type SkpStatus = (typeof SKP_STATUSES)[number];

export const SKP_STATUS_LABELS: Readonly<Record<SkpStatus, string>> = {
  DRAFT: 'draf',
  DIAJUKAN: 'diajukan',
  DITETAPKAN: 'ditetapkan',
  DIKEMBALIKAN: 'dikembalikan',
  DIGANTI: 'diganti version baru',
  DITUTUP: 'ditutup',
};

/** States in which the SKP still binds its owner (at most one per day per employee). */
export const OPEN_SKP_STATUSES: readonly SkpStatus[] = ['DRAFT', 'DIAJUKAN', 'DITETAPKAN', 'DIKEMBALIKAN'];

export const PENDEKATAN = ['KUANTITATIF', 'KUALITATIF'] as const;
export type Pendekatan = (typeof PENDEKATAN)[number];

export const ASPEK = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] as const;
export type Aspek = (typeof ASPEK)[number];

/** Whether a higher realization is better (complaints handled) or a lower one (days to answer, cost). */
export const DIRECTIONS = ['NAIK', 'TURUN'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const RHK_KINDS = ['UTAMA', 'TAMBAHAN'] as const;
export type RhkKind = (typeof RHK_KINDS)[number];

export interface Indicator {
  id: string;
  description: string;
  aspek: Aspek;
  target: number | null;
  unit: string | null;
  direction: Direction;
  /** A realization of this indicator needs at least one evidence file (bukti dukung). */
  evidenceRequired: boolean;
}

export interface Rhk {
  id: string;
  kind: RhkKind;
  description: string;
  /** The RHK of the penilai's SKP this one supports (intervensi); null at the top of an OPD or while drafting. */
  parentRhkId: string | null;
  indicators: Indicator[];
}

export interface Annex {
  resources: string[];
  accountability: string[];
  consequences: string[];
}

/** What the SKP says about the position and appraisers on the day it was created (never rewritten by later personnel changes). */
export interface SkpSnapshot {
  employeeId: string;
  nip: string;
  name: string;
  golongan: string | null;
  jenisAsn: string;
  jabatan: { positionId: string; name: string; jenisJabatan: string; unitHead: boolean } | null;
  unit: { unitId: string; name: string } | null;
  opd: { unitId: string; code: string; name: string } | null;
  pejabatPenilai: { employeeId: string; nip: string; name: string } | null;
  atasanPejabatPenilai: { employeeId: string; nip: string; name: string } | null;
  /** The top of an OPD (its head, or nobody above in the OPD): no intervensi needed. */
  topOfOpd: boolean;
}

export interface SkpContent {
  pendekatan: Pendekatan;
  rhk: Rhk[];
  annex: Annex;
}

export interface SkpState extends SkpContent {
  id: string;
  /** The id of the first version; every revision of one SKP shares it. */
  lineageId: string;
  version: number;
  year: number;
  startDate: IsoDate;
  endDate: IsoDate;
  status: SkpStatus;
  snapshot: SkpSnapshot;
  /** The penilai who acts now: the snapshot's, until a change of penilai moves open items. */
  penilaiNip: string | null;
  expectations: Partial<Record<BerakhlakValue, string>>;
  returnNotes: string | null;
  closeReason: string | null;
  setOn: string | null;
}

export type SkpEvent =
  | { kind: 'submitted'; skpId: string }
  | { kind: 'set'; skpId: string; previousVersionId: string | null }
  | { kind: 'returned'; skpId: string; notes: string }
  | { kind: 'revised'; skpId: string; newVersionId: string; reason: string }
  | { kind: 'closed'; skpId: string; reason: string; endDate: IsoDate }
  | { kind: 'penilai-changed'; skpId: string; previousPenilaiNip: string | null; penilaiNip: string | null };

export interface Actor {
  nip: string | null;
  /** BKPSDM (or the system acting on a personnel event) may close and reassign. */
  admin?: boolean;
}

export interface Transition {
  from: SkpStatus;
  to: SkpStatus;
}

export class Skp {
  private events: SkpEvent[] = [];

  private constructor(private state: SkpState) {}

  static restore(state: SkpState): Skp {
    return new Skp(structuredClone(state));
  }

  /** A new draft; the dates must lie in one year and end on or after the start. */
  static draft(input: { id: string; year: number; startDate: IsoDate; endDate: IsoDate; snapshot: SkpSnapshot; content: SkpContent }): Skp {
    throwIfAny(checkDates(input.year, input.startDate, input.endDate));
    throwIfAny(checkContent(input.content, 'draft'));
    return new Skp({
      ...structuredClone(input.content),
      id: input.id,
      lineageId: input.id,
      version: 1,
      year: input.year,
      startDate: input.startDate,
      endDate: input.endDate,
      status: 'DRAFT',
      snapshot: structuredClone(input.snapshot),
      penilaiNip: input.snapshot.pejabatPenilai?.nip ?? null,
      expectations: {},
      returnNotes: null,
      closeReason: null,
      setOn: null,
    });
  }

  get id(): string {
    return this.state.id;
  }
  get status(): SkpStatus {
    return this.state.status;
  }
  get ownerNip(): string {
    return this.state.snapshot.nip;
  }
  get penilaiNip(): string | null {
    return this.state.penilaiNip;
  }

  toState(): SkpState {
    return structuredClone(this.state);
  }

  pullEvents(): SkpEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** The owner edits the plan while it is a draft or was returned. */
  edit(actor: Actor, content: SkpContent): Transition {
    this.requireStatus(['DRAFT', 'DIKEMBALIKAN'], 'diubah');
    this.requireOwner(actor, 'mengubah SKP');
    throwIfAny(checkContent(content, 'draft'));
    Object.assign(this.state, structuredClone(content));
    return { from: this.state.status, to: this.state.status };
  }

  /**
   * The owner submits. Every RHK must be complete, and linked to an RHK of the penilai's set SKP
   * unless the SKP is at the top of its OPD (`penilaiRhkIds` = the RHK ids of that SKP; empty
   * when the penilai's SKP is not set yet, which blocks submitting a linked plan, not drafting it).
   */
  submit(actor: Actor, penilaiRhkIds: ReadonlySet<string>): Transition {
    this.requireStatus(['DRAFT', 'DIKEMBALIKAN'], 'diajukan');
    this.requireOwner(actor, 'mengajukan SKP');
    if (!this.state.penilaiNip && !this.state.snapshot.topOfOpd) throw SkpMessages.error('PEJABAT_PENILAI_TIDAK_ADA');
    const violations = checkContent(this.state, 'submit');
    if (!this.state.snapshot.topOfOpd) violations.push(...checkLinks(this.state.rhk, penilaiRhkIds));
    throwIfAny(violations);
    return this.move('DIAJUKAN', { kind: 'submitted', skpId: this.state.id });
  }

  /** The penilai sets the SKP, giving (or completing) the expectation for each of the seven values. */
  set(actor: Actor, expectations: Partial<Record<BerakhlakValue, string>>, today: string, previousVersionId: string | null = null): Transition {
    this.requireStatus(['DIAJUKAN'], 'ditetapkan');
    this.requirePenilai(actor);
    const merged = { ...this.state.expectations };
    for (const [code, text] of Object.entries(expectations)) if (text && text.trim()) merged[code as BerakhlakValue] = text.trim();
    const missing = BERAKHLAK_CODES.filter((code) => !merged[code]);
    throwIfAny(missing.map((code) => SkpMessages.violation('EKSPEKTASI_PERILAKU_WAJIB', { nilai: berakhlakValue(code).name }, `expectations.${code}`)));
    this.state.expectations = merged;
    this.state.setOn = today;
    this.state.returnNotes = null;
    return this.move('DITETAPKAN', { kind: 'set', skpId: this.state.id, previousVersionId });
  }

  /** The penilai returns the SKP to the owner with notes (the dialogue goes on). */
  return(actor: Actor, notes: string): Transition {
    this.requireStatus(['DIAJUKAN'], 'dikembalikan');
    this.requirePenilai(actor);
    const text = requireText(notes, 'notes');
    this.state.returnNotes = text;
    return this.move('DIKEMBALIKAN', { kind: 'returned', skpId: this.state.id, notes: text });
  }

  /**
   * A revision after a performance dialogue: this version is kept as DIGANTI and a new DRAFT
   * version with the same content (and the same RHK ids, so subordinates' links hold) takes over.
   */
  revise(actor: Actor, reason: string, newId: string): { transition: Transition; next: Skp } {
    this.requireStatus(['DITETAPKAN'], 'direvisi');
    if (actor.nip !== this.ownerNip && actor.nip !== this.state.penilaiNip) throw SkpMessages.error('BUKAN_PEMILIK_SKP', { aksi: 'merevisi SKP' });
    const why = requireText(reason, 'reason');
    const next = new Skp({
      ...structuredClone(this.state),
      id: newId,
      version: this.state.version + 1,
      status: 'DRAFT',
      returnNotes: null,
      setOn: null,
    });
    const transition = this.move('DIGANTI', { kind: 'revised', skpId: this.state.id, newVersionId: newId, reason: why });
    return { transition, next };
  }

  /**
   * Closes the SKP on a transfer or promotion (or by BKPSDM): it ends on `endDate`, so that the new
   * SKP for the new position can start the next day without overlapping.
   */
  close(actor: Actor, reason: string, endDate: IsoDate): Transition {
    this.requireStatus(OPEN_SKP_STATUSES, 'ditutup');
    if (!actor.admin) throw SkpMessages.error('BUKAN_PEMILIK_SKP', { aksi: 'menutup SKP' });
    const why = requireText(reason, 'reason');
    if (compareIsoDates(endDate, this.state.startDate) < 0) {
      // Closed before it began (a transfer effective before the SKP's start): it ends the day it starts.
      endDate = this.state.startDate;
    }
    if (compareIsoDates(endDate, this.state.endDate) < 0) this.state.endDate = endDate;
    this.state.closeReason = why;
    return this.move('DITUTUP', { kind: 'closed', skpId: this.state.id, reason: why, endDate: this.state.endDate });
  }

  /** The penilai changed (personnel event): the open SKP follows the new penilai. */
  reassignPenilai(penilaiNip: string | null): boolean {
    if (!OPEN_SKP_STATUSES.includes(this.state.status) || this.state.penilaiNip === penilaiNip) return false;
    const previous = this.state.penilaiNip;
    this.state.penilaiNip = penilaiNip;
    this.events.push({ kind: 'penilai-changed', skpId: this.state.id, previousPenilaiNip: previous, penilaiNip });
    return true;
  }

  private move(to: SkpStatus, event: SkpEvent): Transition {
    const from = this.state.status;
    this.state.status = to;
    this.events.push(event);
    return { from, to };
  }

  private requireStatus(allowed: readonly SkpStatus[], aksi: string): void {
    if (!allowed.includes(this.state.status)) {
      throw SkpMessages.error('TRANSISI_SKP_TIDAK_DIIZINKAN', { status: SKP_STATUS_LABELS[this.state.status], aksi }, 'status');
    }
  }

  private requireOwner(actor: Actor, aksi: string): void {
    if (actor.nip !== this.ownerNip) throw SkpMessages.error('BUKAN_PEMILIK_SKP', { aksi });
  }

  /**
   * The penilai acts; for an SKP at the top of an OPD without a penilai in the city's records (the
   * head of an OPD, appraised by the Sekda or the Wali Kota outside the platform), BKPSDM records it.
   */
  private requirePenilai(actor: Actor): void {
    if (!this.state.penilaiNip && this.state.snapshot.topOfOpd && actor.admin) return;
    if (!actor.nip || actor.nip !== this.state.penilaiNip) throw SkpMessages.error('BUKAN_PEJABAT_PENILAI');
  }
}

function throwIfAny(violations: readonly Violation[]): void {
  if (violations.length > 0) throw new ViolationError(violations);
}

function requireText(value: string | undefined | null, field: string): string {
  const text = (value ?? '').trim();
  if (!text) throw SkpMessages.error('CATATAN_WAJIB', {}, field);
  return text;
}

export function checkDates(year: number, start: IsoDate, end: IsoDate): Violation[] {
  const a = parseIsoDate(start);
  const b = parseIsoDate(end);
  const out: Violation[] = [];
  if (!a || a.year !== year) out.push(SkpMessages.violation('SKP_DI_LUAR_TAHUN', { year }, 'startDate'));
  if (!b || b.year !== year) out.push(SkpMessages.violation('SKP_DI_LUAR_TAHUN', { year }, 'endDate'));
  if (out.length === 0 && compareIsoDates(end, start) < 0) out.push(SkpMessages.violation('TANGGAL_SKP_TIDAK_VALID', {}, 'endDate'));
  return out;
}

/**
 * Structural rules (PermenPANRB 6/2022): a draft may be incomplete but never malformed; a submitted
 * SKP has at least one RHK utama, an indicator on every RHK, and — in the quantitative approach —
 * a numeric target and a unit on every indicator.
 */
export function checkContent(content: SkpContent, stage: 'draft' | 'submit'): Violation[] {
  const out: Violation[] = [];
  const ids = new Set<string>();
  const seen = (id: string, field: string) => {
    if (ids.has(id)) out.push(SkpMessages.violation('ID_GANDA', {}, field));
    ids.add(id);
  };
  content.rhk.forEach((rhk, i) => {
    seen(rhk.id, `rhk.${i}.id`);
    if (stage === 'submit' && rhk.indicators.length === 0) out.push(SkpMessages.violation('INDIKATOR_WAJIB', {}, `rhk.${i}.indicators`));
    rhk.indicators.forEach((ind, j) => {
      const field = `rhk.${i}.indicators.${j}`;
      seen(ind.id, `${field}.id`);
      if (ind.target !== null && (!Number.isFinite(ind.target) || ind.target < 0)) out.push(SkpMessages.violation('TARGET_TIDAK_VALID', {}, `${field}.target`));
      if (stage === 'submit' && content.pendekatan === 'KUANTITATIF') {
        if (ind.target === null) out.push(SkpMessages.violation('TARGET_WAJIB', {}, `${field}.target`));
        if (!ind.unit || !ind.unit.trim()) out.push(SkpMessages.violation('SATUAN_WAJIB', {}, `${field}.unit`));
      }
    });
  });
  if (stage === 'submit' && !content.rhk.some((r) => r.kind === 'UTAMA')) out.push(SkpMessages.violation('RHK_UTAMA_WAJIB', {}, 'rhk'));
  return out;
}

/** Every RHK names an RHK of the penilai's set SKP (intervensi). */
export function checkLinks(rhk: readonly Rhk[], penilaiRhkIds: ReadonlySet<string>): Violation[] {
  const out: Violation[] = [];
  rhk.forEach((r, i) => {
    if (!r.parentRhkId) out.push(SkpMessages.violation('INTERVENSI_WAJIB', {}, `rhk.${i}.parentRhkId`));
    else if (!penilaiRhkIds.has(r.parentRhkId)) out.push(SkpMessages.violation('INTERVENSI_TIDAK_DIKENAL', {}, `rhk.${i}.parentRhkId`));
  });
  return out;
}

/**
 * The RHK ids of a penilai's SKP whose meaning changed between two set versions (text, kind or
 * indicators changed, or removed): subordinates linked to them are told.
 */
export function changedRhkIds(before: readonly Rhk[], after: readonly Rhk[]): string[] {
  const next = new Map(after.map((r) => [r.id, r]));
  const out: string[] = [];
  for (const old of before) {
    const now = next.get(old.id);
    if (!now || now.description !== old.description || now.kind !== old.kind || JSON.stringify(now.indicators) !== JSON.stringify(old.indicators)) out.push(old.id);
  }
  return out;
}
