import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnitKind } from '../domain/org-unit.rules';

/** Current state of a unit; its past states live in org_unit_history. */
@Entity({ name: 'org_unit' })
export class OrgUnitEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: UnitKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ name: 'opd_id', type: 'uuid', nullable: true })
  opdId: string | null;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ name: 'head_position_id', type: 'uuid', nullable: true })
  headPositionId: string | null;

  @Column({ type: 'text' })
  status: 'AKTIF' | 'DITUTUP';

  /** Effective date of the latest change. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
