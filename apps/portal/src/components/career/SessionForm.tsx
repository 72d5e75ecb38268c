import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormErrors, fieldError } from '../FormErrors';
import type { Partner } from './career-api';
import { type NumberValue, toNumber, WRAP } from './ui';

interface SessionDraft {
  startDate: string;
  endDate: string;
  registrationOpens: string;
  registrationCloses: string;
  online: boolean;
  location: string;
  quota: NumberValue;
  costPerParticipant: NumberValue;
  partnerId: string;
  agreementId: string;
}

const FIELDS = ['startDate', 'endDate', 'registrationOpens', 'registrationCloses', 'online', 'location', 'quota', 'costPerParticipant', 'partnerId', 'agreementId'];

export function sessionRequest(d: SessionDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (v !== '') out[k] = typeof v === 'string' ? v.trim() : v;
  return out;
}

/** BKPSDM schedules a session of a program: registration window, place or online, seats, partner. */
export function SessionForm({ partners, defaults, error, busy, onSubmit }: { partners: Partner[]; defaults?: { quota?: number; costPerParticipant?: number }; error: unknown; busy: boolean; onSubmit(body: Record<string, unknown>): void }) {
  const [d, setD] = useState<SessionDraft>({ startDate: '', endDate: '', registrationOpens: '', registrationCloses: '', online: false, location: '', quota: defaults?.quota ?? '', costPerParticipant: defaults?.costPerParticipant ?? '', partnerId: '', agreementId: '' });
  const set = <K extends keyof SessionDraft>(k: K, v: SessionDraft[K]) => setD((p) => ({ ...p, [k]: v }));
  const err = (f: string) => fieldError(error, f);
  const agreements = partners.find((p) => p.id === d.partnerId)?.agreements ?? [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(sessionRequest(d));
      }}
      noValidate
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Pendaftaran dibuka" type="date" required value={d.registrationOpens} onChange={(e) => set('registrationOpens', e.currentTarget.value)} error={err('registrationOpens')} />
          <TextInput label="Pendaftaran ditutup" type="date" description="Sebelum sesi dimulai" required value={d.registrationCloses} onChange={(e) => set('registrationCloses', e.currentTarget.value)} error={err('registrationCloses')} />
          <TextInput label="Sesi mulai" type="date" required value={d.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} error={err('startDate')} />
          <TextInput label="Sesi selesai" type="date" required value={d.endDate} onChange={(e) => set('endDate', e.currentTarget.value)} error={err('endDate')} />
          <NumberInput label="Kuota sesi" required min={1} allowDecimal={false} value={d.quota} onChange={(v) => set('quota', toNumber(v))} error={err('quota')} />
          <NumberInput label="Biaya per peserta" required min={0} allowDecimal={false} prefix="Rp " thousandSeparator="." decimalSeparator="," value={d.costPerParticipant} onChange={(v) => set('costPerParticipant', toNumber(v))} error={err('costPerParticipant')} />
        </SimpleGrid>
        <Checkbox label="Daring (tanpa tempat)" checked={d.online} onChange={(e) => set('online', e.currentTarget.checked)} />
        {!d.online && <TextInput label="Tempat" description="Wajib untuk sesi tatap muka" value={d.location} onChange={(e) => set('location', e.currentTarget.value)} error={err('location')} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Lembaga mitra (opsional)" data={partners.map((p) => ({ value: p.id, label: p.name }))} value={d.partnerId || null} onChange={(v) => setD((p) => ({ ...p, partnerId: v ?? '', agreementId: '' }))} error={err('partnerId')} clearable />
          <Select
            label="Perjanjian MoU/PKS (opsional)"
            data={agreements.map((a) => ({ value: a.id, label: `${a.kind} ${a.number}` }))}
            value={d.agreementId || null}
            onChange={(v) => set('agreementId', v ?? '')}
            error={err('agreementId')}
            disabled={agreements.length === 0}
            clearable
          />
        </SimpleGrid>
        <FormErrors error={error} fields={FIELDS} />
        <Group>
          <Button type="submit" loading={busy} styles={WRAP}>
            Jadwalkan sesi
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
