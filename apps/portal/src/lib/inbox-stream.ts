import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';

export interface InboxItem {
  id: string;
  kategori: string;
  judul: string;
  isi: string;
  tautan: string | null;
  dibuatPada: string;
  dibacaPada: string | null;
}

/**
 * The live unread count: a one-use ticket (the token never goes into a URL), then Server-Sent
 * Events through the gateway. A new notice also refreshes the inbox list. Reconnects with a new
 * ticket when the stream drops (a ticket serves one connection only).
 */
export function useInboxStream(enabled: boolean): number | undefined {
  const [unread, setUnread] = useState<number>();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const connect = async () => {
      try {
        const ticket = await unwrap<{ tiket: string }>(api.POST('/api/v1/notification/stream/tiket'));
        if (stopped) return;
        source = new EventSource(`/api/v1/notification/stream?tiket=${encodeURIComponent(ticket.tiket)}`);
        source.addEventListener('belum-dibaca', (e) => setUnread((JSON.parse((e as MessageEvent).data) as { belumDibaca: number }).belumDibaca));
        source.addEventListener('notifikasi', () => void queryClient.invalidateQueries({ queryKey: ['inbox'] }));
        source.onerror = () => {
          source?.close();
          if (!stopped) retry = setTimeout(() => void connect(), 5000);
        };
      } catch {
        if (!stopped) retry = setTimeout(() => void connect(), 15_000);
      }
    };
    void connect();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(retry);
    };
  }, [enabled, queryClient]);
  return unread;
}
