import {
  EmployeeHiredV1,
  EmployeeLeftV1,
  EmployeePromotedV1,
  EmployeeTransferredV1,
  ReportingLineChangedV1,
  type EmployeeLeftData,
  type EmployeeSnapshot,
  type EmployeeTransferredData,
  type ReportingLineChangedData,
} from '@capaian/contracts';
import { formatTanggal } from './format';

/**
 * The subject of an event and the flat values its templates read. `subjectNip` is the employee the
 * event is about; `supervisorNip` and `opdId` say where `supervisor` and `opd-admin` are looked up.
 */
export interface EventFacts {
  subjectNip: string;
  supervisorNip: string | null;
  opdId: string | null;
  values: Record<string, string | null>;
}

function employeeValues(e: EmployeeSnapshot): Record<string, string | null> {
  return {
    nama: e.name,
    nip: e.nip,
    jabatan: e.position?.name ?? null,
    unit: e.unit?.name ?? null,
    opd: e.opd?.name ?? null,
    golongan: e.golongan,
    pangkat: e.pangkat,
    atasan: e.supervisor?.name ?? null,
    tanggal: formatTanggal(e.effectiveDate),
  };
}

export function factsOf(type: string, data: unknown): EventFacts | null {
  switch (type) {
    case EmployeeHiredV1:
    case EmployeePromotedV1: {
      const e = data as EmployeeSnapshot;
      return { subjectNip: e.nip, supervisorNip: e.supervisor?.nip ?? null, opdId: e.opd?.unitId ?? null, values: employeeValues(e) };
    }
    case EmployeeTransferredV1: {
      const e = data as EmployeeTransferredData;
      return {
        subjectNip: e.nip,
        supervisorNip: e.supervisor?.nip ?? null,
        opdId: e.opd?.unitId ?? null,
        values: { ...employeeValues(e), opdAsal: e.from.opd?.name ?? null, nomorSk: e.nomorSk, betweenOpd: String(e.betweenOpd) },
      };
    }
    case EmployeeLeftV1: {
      const e = data as EmployeeLeftData;
      const opd = e.opd ?? e.lastOpd;
      return { subjectNip: e.nip, supervisorNip: e.supervisor?.nip ?? null, opdId: opd?.unitId ?? null, values: { ...employeeValues(e), opd: opd?.name ?? null } };
    }
    case ReportingLineChangedV1: {
      const e = data as ReportingLineChangedData;
      return {
        subjectNip: e.nip,
        supervisorNip: e.supervisor?.nip ?? null,
        opdId: null,
        values: { nip: e.nip, atasan: e.supervisor?.name ?? null, tanggal: formatTanggal(e.effectiveDate) },
      };
    }
    default:
      return null;
  }
}
