import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@capaian/shared/http';
import { DEVELOPMENT_FORM_INFO, DEVELOPMENT_FORMS, SCOPES, type DevelopmentForm, type Scope } from './domain/development-form';
import { PROGRAM_STATUSES, type ProgramStatus } from './domain/development-program';
import type { DevelopmentProgramRecord } from './infrastructure/development-program.repository';

/**
 * A program of the catalog as the API returns it, built by `DevelopmentProgramQueries` (a class
 * rather than an interface so that the OpenAPI document describes the response).
 */
export class DevelopmentProgramView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DEVELOPMENT_FORMS }) form: DevelopmentForm;
  @ApiProperty({ example: 'Pelatihan Klasikal' }) formLabel: string;
  @ApiProperty({ enum: SCOPES }) scope: Scope;
  @ApiProperty() organizer: string;
  @ApiProperty() jp: number;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty() quota: number;
  @ApiProperty({ description: 'Pagu, rupiah' }) budgetCeiling: number;
  @ApiProperty({ description: 'rupiah' }) costPerParticipant: number;
  @ApiProperty({ enum: PROGRAM_STATUSES }) status: ProgramStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [String] }) competencies: string[];
  @ApiProperty({ type: [String], description: 'Jenis jabatan yang boleh mengikuti (kosong: sesuai bentuk atau semua)' }) eligiblePositionKinds: string[];
  @ApiProperty({ type: [String] }) stages: string[];
}

export class DevelopmentProgramPage extends PageOf(DevelopmentProgramView) {}

export function toDevelopmentProgramView(p: DevelopmentProgramRecord): DevelopmentProgramView {
  return {
    id: p.id,
    name: p.name,
    form: p.form,
    formLabel: DEVELOPMENT_FORM_INFO[p.form]?.label ?? p.form,
    scope: p.scope,
    organizer: p.organizer,
    jp: p.jp,
    startDate: p.startDate,
    endDate: p.endDate,
    quota: p.quota,
    budgetCeiling: Number(p.budgetCeiling),
    costPerParticipant: Number(p.costPerParticipant),
    status: p.status,
    createdAt: new Date(p.createdAt).toISOString(),
    competencies: p.competencies ?? [],
    eligiblePositionKinds: p.eligiblePositionKinds ?? [],
    stages: p.stages ?? [],
  };
}
