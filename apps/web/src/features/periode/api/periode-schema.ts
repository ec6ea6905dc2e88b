import { periodeSchema } from '@sip/contracts';
import { frameworkSchema } from '@sip/scoring';
import type { z } from 'zod';

/** The API's periode with its framework parsed by the scoring engine's own schema. */
export const periodeWithFrameworkSchema = periodeSchema.extend({ framework: frameworkSchema });
export type PeriodeWithFramework = z.infer<typeof periodeWithFrameworkSchema>;
