import { Alert, List } from '@mantine/core';
import { ApiError } from '../lib/problem';

/** What the API refused that no field on screen stands for (the rest shows next to its field). */
export function FormErrors({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  const messages = error instanceof ApiError ? error.generalMessages(fields) : ['Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.'];
  if (messages.length === 0) return null;
  return (
    <Alert color="red" title="Belum dapat disimpan" role="alert" data-testid="form-error">
      {messages.length === 1 ? messages[0] : <List size="sm">{messages.map((m) => <List.Item key={m}>{m}</List.Item>)}</List>}
    </Alert>
  );
}

export const fieldError = (error: unknown, field: string): string | undefined => (error instanceof ApiError ? error.fieldError(field) : undefined);
