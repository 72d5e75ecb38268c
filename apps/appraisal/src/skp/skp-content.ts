import { randomUUID } from 'node:crypto';
import type { SkpContent } from './domain/skp';
import type { SkpContentDto } from './dto/skp-content.dto';

/** Gives new RHK and indicators their ids and fills the defaults; kept ids keep subordinates' links. */
export function contentFromDto(dto: SkpContentDto): SkpContent {
  return {
    pendekatan: dto.pendekatan,
    rhk: dto.rhk.map((r) => ({
      id: r.id ?? randomUUID(),
      kind: r.kind,
      description: r.description.trim(),
      parentRhkId: r.parentRhkId ?? null,
      indicators: r.indicators.map((i) => ({
        id: i.id ?? randomUUID(),
        description: i.description.trim(),
        aspek: i.aspek,
        target: i.target ?? null,
        unit: i.unit?.trim() || null,
        direction: i.direction,
        evidenceRequired: i.evidenceRequired ?? true,
      })),
    })),
    annex: dto.annex ?? { resources: [], accountability: [], consequences: [] },
  };
}
