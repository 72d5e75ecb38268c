import { JpLedgerMessages as M } from '../jp-ledger.messages';

/**
 * JP earned outside the platform (an e-learning course, a seminar elsewhere), claimed by the
 * employee: DIAJUKAN → (certificate attached) → DIVERIFIKASI by BKPSDM, which recognises the JP, or
 * DITOLAK. Without an uploaded certificate nothing can be recognised.
 */
export type ClaimStatus = 'DIAJUKAN' | 'DIVERIFIKASI' | 'DITOLAK';

export interface ClaimState {
  id: string;
  status: ClaimStatus;
  jp: number;
  certificateKey: string | null;
  reason: string | null;
}

export class ExternalClaim {
  private constructor(private state: ClaimState) {}

  static restore(state: ClaimState): ExternalClaim {
    return new ExternalClaim({ ...state });
  }

  snapshot(): Readonly<ClaimState> {
    return { ...this.state };
  }

  private requireOpen(): void {
    if (this.state.status !== 'DIAJUKAN') throw M.error('KLAIM_SUDAH_DIPUTUS', { status: this.state.status === 'DIVERIFIKASI' ? 'diverifikasi' : 'ditolak' });
  }

  /** The employee attaches (or replaces) the certificate; returns the replaced object key. */
  attachCertificate(key: string): string | null {
    this.requireOpen();
    const previous = this.state.certificateKey;
    this.state.certificateKey = key;
    return previous;
  }

  /** BKPSDM verifies: the claimed JP is recognised. */
  verify(): number {
    this.requireOpen();
    if (!this.state.certificateKey) throw M.error('KLAIM_TANPA_SERTIFIKAT');
    this.state.status = 'DIVERIFIKASI';
    return this.state.jp;
  }

  reject(reason: string): void {
    this.requireOpen();
    this.state.reason = reason.trim() || null;
    this.state.status = 'DITOLAK';
  }
}
