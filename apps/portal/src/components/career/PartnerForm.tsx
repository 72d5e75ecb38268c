import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormErrors, fieldError } from '../FormErrors';
import { type NumberValue, toNumber, WRAP } from './ui';

/** BKPSDM records a partner institution. */
export function PartnerForm({ error, busy, onSubmit }: { error: unknown; busy: boolean; onSubmit(body: { name: string; kind: string; city?: string }): void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState('LEMBAGA_PENDIDIKAN');
  const [city, setCity] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ name: name.trim(), kind, ...(city.trim() ? { city: city.trim() } : {}) });
      }}
      noValidate
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Nama lembaga" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(error, 'name')} />
          <Select label="Jenis lembaga" data={[{ value: 'LEMBAGA_PENDIDIKAN', label: 'Lembaga pendidikan' }, { value: 'ORGANISASI_PROFESI', label: 'Organisasi profesi' }]} value={kind} onChange={(v) => setKind(v ?? 'LEMBAGA_PENDIDIKAN')} allowDeselect={false} error={fieldError(error, 'kind')} />
          <TextInput label="Kota (opsional)" value={city} onChange={(e) => setCity(e.currentTarget.value)} error={fieldError(error, 'city')} />
        </SimpleGrid>
        <FormErrors error={error} fields={['name', 'kind', 'city']} />
        <Group>
          <Button type="submit" loading={busy} styles={WRAP}>
            Simpan lembaga mitra
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** BKPSDM records an MoU or PKS with a partner: validity and seats. */
export function AgreementForm({ error, busy, onSubmit }: { error: unknown; busy: boolean; onSubmit(body: Record<string, unknown>): void }) {
  const [kind, setKind] = useState('PKS');
  const [number, setNumber] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [quota, setQuota] = useState<NumberValue>('');
  const err = (f: string) => fieldError(error, f);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ kind, number: number.trim(), ...(validFrom ? { validFrom } : {}), ...(validUntil ? { validUntil } : {}), ...(quota !== '' ? { quota } : {}) });
      }}
      noValidate
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Jenis perjanjian" data={[{ value: 'MOU', label: 'MoU' }, { value: 'PKS', label: 'PKS' }]} value={kind} onChange={(v) => setKind(v ?? 'PKS')} allowDeselect={false} error={err('kind')} />
          <TextInput label="Nomor perjanjian" required value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={err('number')} />
          <TextInput label="Berlaku mulai" type="date" required value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} error={err('validFrom')} />
          <TextInput label="Berlaku sampai" type="date" required value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} error={err('validUntil')} />
          <NumberInput label="Kuota peserta" required min={1} allowDecimal={false} value={quota} onChange={(v) => setQuota(toNumber(v))} error={err('quota')} />
        </SimpleGrid>
        <FormErrors error={error} fields={['kind', 'number', 'validFrom', 'validUntil', 'quota']} />
        <Group>
          <Button type="submit" loading={busy} variant="light" styles={WRAP}>
            Simpan perjanjian
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
