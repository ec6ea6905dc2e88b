import { NumberInput, type NumberInputProps } from '@mantine/core';
import { currentLanguage } from '@/lib/i18n/i18n';

interface NumberFieldProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  value: number | null | undefined;
  /** undefined when the field is emptied. */
  onValue: (value: number | undefined) => void;
}

/** A number input that types like the locale does (Indonesian: decimal comma) and reports numbers only. */
export function NumberField({ value, onValue, ...props }: NumberFieldProps) {
  const id = currentLanguage() === 'id';
  return (
    <NumberInput
      {...props}
      value={value ?? ''}
      decimalSeparator={id ? ',' : '.'}
      thousandSeparator={false}
      hideControls
      onChange={(v) => {
        if (typeof v === 'number' && Number.isFinite(v)) onValue(v);
        else if (v === '') onValue(undefined);
        else {
          const n = Number(String(v).replace(',', '.'));
          onValue(Number.isFinite(n) ? n : undefined);
        }
      }}
    />
  );
}
