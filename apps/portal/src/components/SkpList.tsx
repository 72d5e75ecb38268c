import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { STATUS_COLOR, STATUS_LABEL, type SkpStatus, type SkpSummary } from '../api/views';
import { tanggal } from '../lib/format';

export function SkpList({ items, showName }: { items: SkpSummary[]; showName?: boolean }) {
  return (
    <Stack gap="xs">
      {items.map((s) => (
        <Card key={s.id} withBorder component={Link} to={`/skp/${s.id}`} padding="sm">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>{showName ? `${s.name} — SKP ${s.year}` : `SKP ${s.year}${s.version > 1 ? ` (versi ${s.version})` : ''}`}</Text>
              <Text size="sm" c="gray.7">
                {tanggal(s.startDate)} s.d. {tanggal(s.endDate)}
                {showName ? ` · NIP ${s.nip}` : ''}
              </Text>
            </div>
            <Badge color={STATUS_COLOR[s.status as SkpStatus]} data-testid="skp-status">
              {STATUS_LABEL[s.status as SkpStatus]}
            </Badge>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
