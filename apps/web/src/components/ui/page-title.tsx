import { Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** The navigation (history entry) whose heading last received focus. */
let focusedFor: string | undefined;

interface PageTitleProps {
  /** The heading text, also used for the document title. */
  title: string;
  /** A short line above the heading, e.g. the wilayah level. */
  eyebrow?: ReactNode;
  children?: ReactNode;
}

/**
 * The h1 of a page. Sets `document.title` (WCAG 2.4.2) and, after a client-side navigation, moves focus
 * to the heading so screen-reader users hear where they landed.
 */
export function PageTitle({ title, eyebrow, children }: PageTitleProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(`${title} · ${t('app.name')}`);

  const { key } = useLocation();

  useEffect(() => {
    // 'default' is the first page of a visit: the browser starts at the top, nothing to announce.
    if (key === 'default') return;
    // A page may render its heading twice (loading, then loaded): focus the later one only if the
    // earlier one took focus with it when it left.
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (focusedFor === key && !focusLost) return;
    focusedFor = key;
    ref.current?.focus();
  }, [key]);

  return (
    <Title order={1} ref={ref} tabIndex={-1} className="page-title" fz={{ base: 26, sm: 32 }} lh={1.2}>
      {eyebrow ? (
        <>
          <Text
            span
            display="block"
            size="sm"
            fw={600}
            c="dimmed"
            tt="uppercase"
            mb={4}
            style={{ letterSpacing: '0.04em' }}
          >
            {eyebrow}
          </Text>{' '}
        </>
      ) : null}
      {children ?? title}
    </Title>
  );
}
