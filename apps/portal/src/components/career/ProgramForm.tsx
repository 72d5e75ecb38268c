import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormErrors, fieldError } from '../FormErrors';
import { DEVELOPMENT_FORMS } from './career-api';
import { type NumberValue, toNumber, WRAP } from './ui';

export interface ProgramDraft {
  name: string;
  form: string;
  scope: 'nasional' | 'internasional';
  organizer: string;
  jp: NumberValue;
  startDate: string;
  endDate: string;
  quota: NumberValue;
  budgetCeiling: NumberValue;
  costPerParticipant: NumberValue;
}

export const emptyProgram = (): ProgramDraft => ({ name: '', form: 'pelatihan_klasikal', scope: 'nasional', organizer: '', jp: '', startDate: '', endDate: '', quota: '', budgetCeiling: '', costPerParticipant: '' });

/** Empty numbers are left out so the API names the missing field (under that field) instead of reading 0. */
export function programRequest(d: ProgramDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (v !== '') out[k] = typeof v === 'string' ? v.trim() : v;
  return out;
}

const FIELDS = ['name', 'form', 'scope', 'organizer', 'jp', 'startDate', 'endDate', 'quota', 'budgetCeiling', 'costPerParticipant'];

/** BKPSDM adds a program to the catalog: money in whole rupiah, dates as calendar days. */
export function ProgramForm({ error, busy, onSubmit }: { error: unknown; busy: boolean; onSubmit(body: Record<string, unknown>): void }) {
  const [d, setD] = useState<ProgramDraft>(emptyProgram);
  const set = <K extends keyof ProgramDraft>(k: K, v: ProgramDraft[K]) => setD((p) => ({ ...p, [k]: v }));
  const err = (f: string) => fieldError(error, f);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(programRequest(d));
      }}
      noValidate
    >
      <Stack>
        <TextInput label="Nama program" required value={d.name} onChange={(e) => set('name', e.currentTarget.value)} error={err('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Bentuk pengembangan" required data={DEVELOPMENT_FORMS.map(([value, label]) => ({ value, label }))} value={d.form} onChange={(v) => set('form', v ?? '')} error={err('form')} allowDeselect={false} />
          <Select label="Cakupan" data={[{ value: 'nasional', label: 'Nasional' }, { value: 'internasional', label: 'Internasional' }]} value={d.scope} onChange={(v) => set('scope', (v ?? 'nasional') as ProgramDraft['scope'])} error={err('scope')} allowDeselect={false} />
          <TextInput label="Penyelenggara" required value={d.organizer} onChange={(e) => set('organizer', e.currentTarget.value)} error={err('organizer')} />
          <NumberInput label="Jam pelajaran (JP)" required min={1} allowDecimal={false} value={d.jp} onChange={(v) => set('jp', toNumber(v))} error={err('jp')} />
          <TextInput label="Tanggal mulai" type="date" required value={d.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} error={err('startDate')} />
          <TextInput label="Tanggal selesai" type="date" required value={d.endDate} onChange={(e) => set('endDate', e.currentTarget.value)} error={err('endDate')} />
          <NumberInput label="Kuota peserta" required min={1} allowDecimal={false} value={d.quota} onChange={(v) => set('quota', toNumber(v))} error={err('quota')} />
          <NumberInput label="Biaya per peserta" description="Rupiah, tanpa sen" required min={0} allowDecimal={false} prefix="Rp " thousandSeparator="." decimalSeparator="," value={d.costPerParticipant} onChange={(v) => set('costPerParticipant', toNumber(v))} error={err('costPerParticipant')} />
          <NumberInput label="Pagu anggaran" description="Kuota × biaya per peserta tidak boleh melebihinya" required min={0} allowDecimal={false} prefix="Rp " thousandSeparator="." decimalSeparator="," value={d.budgetCeiling} onChange={(v) => set('budgetCeiling', toNumber(v))} error={err('budgetCeiling')} />
        </SimpleGrid>
        <FormErrors error={error} fields={FIELDS} />
        <Group>
          <Button type="submit" loading={busy} styles={WRAP}>
            Tambahkan ke katalog
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
