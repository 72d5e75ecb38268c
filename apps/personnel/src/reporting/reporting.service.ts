import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInJakarta, type IsoDate, type JenisJabatan } from '@capaian/kinerja';
import { DataSource } from 'typeorm';
import { toEmployeeView, type EmployeeRow, type EmployeeView } from '../employee/infrastructure/employee.read-model';
import { chainWithinOpd, chooseAppraisers, type PenilaiBasis } from './domain';
import { chainIdsAt, directReportIdsAt, employeesAt, supervisorIdAt } from './infrastructure/reporting.queries';

export interface SupervisorAnswer {
  asOf: IsoDate;
  supervisor: EmployeeView | null;
  /** True when the supervisor comes from an explicit override. */
  override: boolean;
}

export interface AppraisersAnswer {
  asOf: IsoDate;
  pejabatPenilai: EmployeeView | null;
  atasanPejabatPenilai: EmployeeView | null;
  basis: PenilaiBasis | null;
  /** Why there is no pejabat penilai, when there is none. */
  note: string | null;
}

/** Who reports to whom, as of any date (docs/domain.md §3.7). */
@Injectable()
export class ReportingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async row(employeeId: string, date: IsoDate): Promise<EmployeeRow | undefined> {
    return (await employeesAt(this.dataSource.manager, [employeeId], date, todayInJakarta()))[0];
  }

  async supervisor(employeeId: string, asOf: IsoDate): Promise<SupervisorAnswer> {
    const m = this.dataSource.manager;
    const supId = await supervisorIdAt(m, employeeId, asOf);
    if (!supId) return { asOf, supervisor: null, override: false };
    const self = await this.row(employeeId, asOf);
    const sup = await this.row(supId, asOf);
    return { asOf, supervisor: sup ? toEmployeeView(sup) : null, override: self?.override_id === supId };
  }

  async directReports(employeeId: string, asOf: IsoDate): Promise<{ asOf: IsoDate; items: EmployeeView[] }> {
    const m = this.dataSource.manager;
    const ids = await directReportIdsAt(m, employeeId, asOf);
    const rows = await employeesAt(m, ids, asOf, todayInJakarta());
    rows.sort((a, b) => a.name.localeCompare(b.name, 'id') || a.nip.localeCompare(b.nip));
    return { asOf, items: rows.map(toEmployeeView) };
  }

  /** The supervisors from the direct one up to the head of the employee's OPD. */
  async chain(employeeId: string, asOf: IsoDate): Promise<{ asOf: IsoDate; items: EmployeeView[] }> {
    const m = this.dataSource.manager;
    const self = await this.row(employeeId, asOf);
    const rows = await employeesAt(m, await chainIdsAt(m, employeeId, asOf), asOf, todayInJakarta());
    const links = rows.map((r) => ({ row: r, employeeId: r.id, jenisJabatan: r.jenis_jabatan as JenisJabatan | null, opdId: r.opd_id, opdHead: r.opd_head === true }));
    return { asOf, items: chainWithinOpd(self?.opd_id ?? null, links).map((l) => toEmployeeView(l.row)) };
  }

  async appraisers(employeeId: string, asOf: IsoDate): Promise<AppraisersAnswer> {
    const m = this.dataSource.manager;
    const self = await this.row(employeeId, asOf);
    const rows = await employeesAt(m, await chainIdsAt(m, employeeId, asOf), asOf, todayInJakarta());
    const links = rows.map((r) => ({
      employeeId: r.id,
      jenisJabatan: r.jenis_jabatan as JenisJabatan | null,
      opdId: r.opd_id,
      opdHead: r.opd_head === true,
      unitHead: r.unit_head === true,
    }));
    const directIsOverride = !!self?.override_id && rows[0]?.id === self.override_id;
    const choice = chooseAppraisers(links, directIsOverride);
    if (!choice) {
      return {
        asOf,
        pejabatPenilai: null,
        atasanPejabatPenilai: null,
        basis: null,
        note:
          rows.length === 0
            ? 'Pegawai tidak memiliki atasan di dalam sistem (misalnya Sekretaris Daerah yang dinilai Wali Kota); tetapkan penilai secara khusus'
            : 'Tidak ada atasan berjabatan paling rendah pengawas pada garis atasan pegawai',
      };
    }
    return {
      asOf,
      pejabatPenilai: toEmployeeView(rows[choice.penilai]),
      atasanPejabatPenilai: choice.atasanPenilai === null ? null : toEmployeeView(rows[choice.atasanPenilai]),
      basis: choice.basis,
      note: null,
    };
  }
}
