/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = resolve(__dirname);

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(root, '../../dist/apps/portal'),
    emptyOutDir: true,
    rollupOptions: {
      input: { main: resolve(root, 'index.html'), silent: resolve(root, 'auth/silent.html') },
      output: {
        // The libraries change less often than the screens: a separate file stays cached.
        manualChunks: { vendor: ['react', 'react-dom', 'react-router', '@tanstack/react-query', 'oidc-client-ts'], mantine: ['@mantine/core', '@mantine/hooks'] },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
