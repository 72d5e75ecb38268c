import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT_METADATA = 'capaian:idempotent';

/**
 * Marks a write handler whose effect must happen once per `Idempotency-Key` (docs/architecture.md §5.4).
 * Works in services that import IdempotencyModule; without the header the handler runs as usual.
 */
export function Idempotent(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_METADATA, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Kunci unik (1–200 karakter: huruf, angka, _ . : -) agar permintaan yang diulang tidak diproses dua kali. ' +
        'Permintaan ulang dengan kunci dan isi yang sama dalam 24 jam mendapat jawaban yang sama dengan header Idempotency-Replayed: true.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,200}$' },
    }),
  );
}
