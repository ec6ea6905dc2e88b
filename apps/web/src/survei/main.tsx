import './survei.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_PEMDA } from '@/config/pemda';
import { SurveiApp } from './survei-app';
import { SurveiPilih } from './survei-pilih';

// The public survey: its own entry (no Mantine, no router, no tracking), to stay small on a cheap phone.
const root = document.getElementById('survei');
if (!root) throw new Error('Elemen #survei tidak ada di survei.html');
const kode = decodeURIComponent(window.location.pathname.replace(/^\/survei\/?/, '').replace(/\/$/, ''));

const query = new URLSearchParams(window.location.search);

// /survei without a code (no QR poster at hand): pick the unit first.
createRoot(root).render(
  <StrictMode>
    {kode === '' ? (
      <SurveiPilih pemda={query.get('pemda') ?? DEFAULT_PEMDA} />
    ) : (
      <SurveiApp kode={kode} kodeLayanan={query.get('kode') ?? undefined} />
    )}
  </StrictMode>,
);
