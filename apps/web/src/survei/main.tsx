import './survei.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SurveiApp } from './survei-app';

// The public survey: its own entry (no Mantine, no router, no tracking), to stay small on a cheap phone.
const root = document.getElementById('survei');
if (!root) throw new Error('Elemen #survei tidak ada di survei.html');
const kode = decodeURIComponent(window.location.pathname.replace(/^\/survei\//, '').replace(/\/$/, ''));

createRoot(root).render(
  <StrictMode>
    <SurveiApp
      kode={kode}
      kodeLayanan={new URLSearchParams(window.location.search).get('kode') ?? undefined}
    />
  </StrictMode>,
);
