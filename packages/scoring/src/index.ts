export {
  type ComputeRaporArgs,
  type ComputeRaporInput,
  computeRapor,
  createScorer,
  type Scorer,
} from './compute';
export { ScoringInputError } from './errors';
export { scoringChanges } from './framework-changes';
export { computeIkm, type IkmInput, type IkmResult, ikmGradeFor, type SkmResponse } from './ikm';
export {
  BERAKHLAK,
  type BerakhlakKode,
  type HariKerjaBulan,
  type HariKerjaBulanInput,
  hariKerjaBulan,
  isHariKerja,
  KINERJA_FORMULA_VERSION,
  type KinerjaSettings,
  type KinerjaSettingsInput,
  kinerjaDefaults,
  kinerjaSettingsSchema,
  type MingguIso,
  mingguIso,
  type NilaiKinerjaBulanan,
  type NilaiKinerjaInput,
  nilaiKinerjaBulanan,
  nilaiPerilaku,
  type RatingPerilaku,
  SKALA_PERILAKU,
  tambahHariKerja,
} from './kinerja';
export { type PreviewEntry, type PreviewInput, previewEntries, previewRapor } from './preview';
export { type RankedItem, type RankItem, rank } from './rank';
export type { BidangResult, IndikatorResult, Rapor } from './rapor-types';
export {
  checkEntryValue,
  computedIndikatorTypes,
  describeInputRule,
  inputRuleOf,
  type MissingItem,
  missingForSubmit,
  reportedIndikator,
} from './report-form';
export {
  defaultPredikatBands,
  defaultRoundingRule,
  defaultSettings,
  FORMULA_VERSION,
  predikatFor,
  roundScore,
} from './rounding';
export * from './schema';
export { IKM_GRADES, type IkmGrade, SKM_UNSUR, type SkmUnsur, UNSUR_KEYS, type UnsurKey } from './skm-unsur';
export { bandungJuaraTemplate, createBandungJuaraFramework } from './template';
export {
  computeTimeliness,
  type TimelinessInput,
  type TimelinessReport,
  type TimelinessResult,
} from './timeliness';
export {
  assertValidFramework,
  type FrameworkIssue,
  type FrameworkIssueCode,
  InvalidFrameworkError,
  validateFramework,
} from './validate';
