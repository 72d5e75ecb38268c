import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInJakarta } from '@capaian/kinerja';
import { DataSource } from 'typeorm';
import type { ListPage } from '../common/paging';
import { asOfDate } from '../common/temporal';
import { readModeFor } from '../employee/infrastructure/employee.read-model';
import type { UnitListQuery } from './dto/unit-list.query';
import type { UnitTreeQuery } from './dto/unit-tree.query';
import { toUnitView, unitIdColumn, unitSelect, type UnitRow, type UnitView } from './infrastructure/org-unit.queries';
import { resolveUnitId } from './infrastructure/org-unit.repository';
import { OrgUnitMessages } from './org-unit.messages';

export interface UnitTreeNode extends UnitView {
  children: UnitTreeNode[];
}

/** Reads of the organisation tree (a page of units, one unit, the tree), now or as of a date. */
@Injectable()
export class OrgUnitQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(q: UnitListQuery): Promise<ListPage<UnitView>> {
    const date = asOfDate(q.asOf);
    const mode = readModeFor(q.asOf ? date : undefined, todayInJakarta());
    const params: unknown[] = [date];
    const where: string[] = [];
    if (q.parentId) {
      params.push(await resolveUnitId(this.dataSource.manager, q.parentId));
      where.push(`u.parent_id = $${params.length}`);
    }
    if (q.opd) {
      params.push(q.opd);
      where.push(`o.code = $${params.length}`);
    }
    if (q.kind) {
      params.push(q.kind);
      where.push(`u.kind = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`u.status = $${params.length}`);
    }
    if (q.q) {
      params.push(`${q.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`);
      where.push(`(lower(u.name) LIKE $${params.length} OR lower(u.code) LIKE $${params.length} OR lower(u.name) LIKE '%' || $${params.length})`);
    }
    const base = `${unitSelect(mode, '$1')}${where.length ? ' AND ' + where.join(' AND ') : ''}`;
    let total: number | undefined;
    if (q.total) [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${base}) x`, params);
    const rows: UnitRow[] = await this.dataSource.query(`${base} ORDER BY u.level, u.code LIMIT ${q.size} OFFSET ${q.offset}`, params);
    return { items: rows.map(toUnitView), page: q.page, size: q.size, ...(total === undefined ? {} : { total }) };
  }

  async get(ref: string, asOf?: string): Promise<UnitView> {
    const date = asOfDate(asOf);
    const mode = readModeFor(asOf ? date : undefined, todayInJakarta());
    const id = await resolveUnitId(this.dataSource.manager, ref);
    const rows: UnitRow[] = await this.dataSource.query(`${unitSelect(mode, '$1')} AND ${unitIdColumn(mode)} = $2`, [date, id]);
    if (rows.length === 0) throw OrgUnitMessages.error('UNIT_TIDAK_DITEMUKAN', { ref: `${ref} pada ${date}` });
    return toUnitView(rows[0]);
  }

  async tree(q: UnitTreeQuery): Promise<UnitTreeNode[]> {
    const date = asOfDate(q.asOf);
    const mode = readModeFor(q.asOf ? date : undefined, todayInJakarta());
    const rows: UnitRow[] = await this.dataSource.query(`${unitSelect(mode, '$1')}${q.includeClosed ? '' : ` AND u.status = 'AKTIF'`} ORDER BY u.level, u.code`, [date]);
    const nodes = new Map<string, UnitTreeNode>(rows.map((r) => [r.id, { ...toUnitView(r), children: [] }]));
    const roots: UnitTreeNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      if (parent) parent.children.push(node);
      else if (!node.parentId) roots.push(node);
    }
    let top = roots;
    if (q.root) {
      const rootId = await resolveUnitId(this.dataSource.manager, q.root);
      const node = nodes.get(rootId);
      if (!node) throw OrgUnitMessages.error('UNIT_TIDAK_DITEMUKAN', { ref: `${q.root} pada ${date}` });
      top = [node];
    }
    if (q.depth !== undefined) {
      const prune = (n: UnitTreeNode, d: number) => {
        if (d >= q.depth!) n.children = [];
        else n.children.forEach((c) => prune(c, d + 1));
      };
      top.forEach((n) => prune(n, 0));
    }
    return top;
  }
}
