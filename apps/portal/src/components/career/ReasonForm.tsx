import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormErrors, fieldError } from '../FormErrors';
import { WRAP } from './ui';

/** A refusal with its reason (rejecting a place or a claim, cancelling): the reason is required. */
export function ReasonForm({ label, submitLabel, error, busy, onSubmit, onCancel }: { label: string; submitLabel: string; error: unknown; busy: boolean; onSubmit(reason: string): void; onCancel?(): void }) {
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setLocal('Tuliskan alasannya: pegawai akan membacanya.');
          return;
        }
        setLocal(undefined);
        onSubmit(reason.trim());
      }}
      noValidate
    >
      <Stack gap="xs">
        <Textarea label={label} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={local ?? fieldError(error, 'reason')} />
        <FormErrors error={error} fields={['reason']} />
        <Group>
          <Button type="submit" color="red.8" loading={busy} styles={WRAP}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={onCancel} styles={WRAP}>
              Batal
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
